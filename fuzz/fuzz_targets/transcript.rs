#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    vsslint_fuzz::exercise_transcript(data);
});
