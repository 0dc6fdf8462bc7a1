//! A flag gained or lost between OLD and NEW, as the paired `compat/*-added` and
//! `compat/*-removed` rules compare it: a yes/no value, or bits of a mask. A side whose value
//! the reader cannot give (`None`) is not compared.

use vsslint_model::flags::Mask;

/// Which way a flag moves from OLD to NEW.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// NEW has the flag and OLD does not.
    Gained,
    /// OLD has the flag and NEW does not.
    Lost,
}

impl Direction {
    /// OLD and NEW as the side without the flag and the side with it.
    fn without_then_with<T>(self, old: T, new: T) -> (T, T) {
        match self {
            Direction::Gained => (old, new),
            Direction::Lost => (new, old),
        }
    }
}

/// Whether the yes/no flag `read` gives for OLD and for NEW moved in `direction`: `no` in OLD
/// and `yes` in NEW when gained, the reverse when lost.
pub(crate) fn flag_moved<T>(
    old: T,
    new: T,
    read: impl Fn(T) -> Option<bool>,
    direction: Direction,
) -> bool {
    let (without, with) = direction.without_then_with(old, new);
    (read(without), read(with)) == (Some(false), Some(true))
}

/// A mask as OLD and NEW give it, and its bits that moved.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BitsMoved<M> {
    /// The mask OLD gives.
    pub old: M,
    /// The mask NEW gives.
    pub new: M,
    /// The bits that moved, of those asked about; never empty.
    pub bits: M,
}

/// The bits of `among` that moved in `direction` in the mask `read` gives for OLD and for
/// NEW; `None` when none did, or when either side's mask cannot be read.
pub(crate) fn bits_moved<T, M: Mask>(
    old: T,
    new: T,
    read: impl Fn(T) -> Option<M>,
    among: M,
    direction: Direction,
) -> Option<BitsMoved<M>> {
    let (was, is) = (read(old)?, read(new)?);
    let (without, with) = direction.without_then_with(was, is);
    let bits = M::from_bits_retain(with.bits() & !without.bits() & among.bits());
    (!bits.is_empty()).then_some(BitsMoved {
        old: was,
        new: is,
        bits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use vsslint_model::flags::ComponentFlags;

    #[test]
    fn a_flag_moves_only_from_no_to_yes_the_way_asked() {
        use Direction::{Gained, Lost};
        let read = |v: Option<bool>| v;
        assert!(flag_moved(Some(false), Some(true), read, Gained));
        assert!(flag_moved(Some(true), Some(false), read, Lost));
        assert!(!flag_moved(Some(false), Some(true), read, Lost));
        assert!(!flag_moved(Some(true), Some(true), read, Gained));
        assert!(!flag_moved(None, Some(true), read, Gained));
        assert!(!flag_moved(Some(true), None, read, Lost));
    }

    #[test]
    fn the_bits_moved_are_those_asked_about_undefined_ones_included() {
        let read = |v: u32| Some(ComponentFlags::from_bits_retain(v));
        let all = ComponentFlags::from_bits_retain(u32::MAX);
        let gained = bits_moved(0x1, 0x13, read, all, Direction::Gained).expect("bits gained");
        assert_eq!(
            (gained.old.bits(), gained.new.bits(), gained.bits.bits()),
            (0x1, 0x13, 0x12)
        );
        let lost = bits_moved(
            0x7,
            0x0,
            read,
            ComponentFlags::BACKUP_RECOVERY,
            Direction::Lost,
        );
        assert_eq!(lost.map(|m| m.bits.bits()), Some(0x1));
        assert!(bits_moved(0x7, 0x7, read, all, Direction::Lost).is_none());
        assert!(bits_moved(
            0x0,
            0x4,
            read,
            ComponentFlags::BACKUP_RECOVERY,
            Direction::Gained
        )
        .is_none());
        let unread = |v: u32| (v != 0).then(|| ComponentFlags::from_bits_retain(v));
        assert!(bits_moved(0x0, 0x1, unread, all, Direction::Gained).is_none());
    }
}
