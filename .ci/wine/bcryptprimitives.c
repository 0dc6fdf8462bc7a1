/* Test-only stand-in for bcryptprimitives.dll under Wine 8, which lacks it. Rust's standard
 * library imports ProcessPrng from it for its hash seeds; without the DLL no Windows build of
 * the tests even starts under Wine. Built by .ci/run and put on WINEPATH for the test run
 * only: never shipped, never used on Windows itself, where the real DLL exists. */
#include <windows.h>

/* advapi32's RtlGenRandom, which Wine has: the same system generator behind another name. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes a 32-bit length; ProcessPrng a pointer-sized one. */
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
