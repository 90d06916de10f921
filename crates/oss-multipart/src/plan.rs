//! Planning a multipart upload: how to cut an object into at most 10000 valid parts.

use oss_errors::{Entry, Error};

use crate::limits::{MAX_MULTIPART_OBJECT_SIZE, MAX_PART_NUMBER, MAX_PART_SIZE, MIN_PART_SIZE};

/// The part size used when the caller has no wish: 8 MiB.
pub const DEFAULT_PART_SIZE: u64 = 8 * 1024 * 1024;

/// How to cut an object into parts: every part `part_size` bytes but the last.
///
/// ```
/// use oss_multipart::PartPlan;
///
/// let plan = PartPlan::new(250 * 1024, Some(100 * 1024))?;
/// assert_eq!((plan.part_count(), plan.part_size(), plan.last_part_size()), (3, 102_400, 51_200));
/// assert_eq!(plan.part(3), Some((204_800, 51_200)));
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(try_from = "PlanFields")
)]
pub struct PartPlan {
    object_size: u64,
    part_size: u64,
    part_count: u32,
}

impl PartPlan {
    /// Plans an upload of `object_size` bytes with parts of `wished_part_size` bytes
    /// ([`DEFAULT_PART_SIZE`] when `None`), adjusted to stay valid: raised to 100 KiB,
    /// lowered to 5 GiB, and raised until the object fits in 10000 parts. An empty object
    /// is one empty part.
    ///
    /// # Errors
    /// InlineDataTooLarge when the object is larger than 10000 parts of 5 GiB (48.8 TB).
    ///
    /// ```
    /// use oss_multipart::{MAX_PART_NUMBER, PartPlan};
    /// // 1 TiB with 1 MiB parts would need 1048576 parts: the part size grows.
    /// let plan = PartPlan::new(1 << 40, Some(1 << 20))?;
    /// assert!(plan.part_count() <= MAX_PART_NUMBER);
    /// assert!(plan.adjusted(Some(1 << 20)));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn new(object_size: u64, wished_part_size: Option<u64>) -> Result<Self, Error> {
        if object_size > MAX_MULTIPART_OBJECT_SIZE {
            return Err(Entry::InlineDataTooLarge.into());
        }
        let wished = wished_part_size.unwrap_or(DEFAULT_PART_SIZE);
        let fewest = object_size.div_ceil(u64::from(MAX_PART_NUMBER));
        let part_size = wished.max(fewest).clamp(MIN_PART_SIZE, MAX_PART_SIZE);
        let count = object_size.div_ceil(part_size).max(1);
        // `fewest <= MAX_PART_SIZE` (object size checked), so the count is at most 10000.
        let part_count =
            u32::try_from(count).map_err(|_| Error::from(Entry::InlineDataTooLarge))?;
        Ok(Self {
            object_size,
            part_size,
            part_count,
        })
    }

    /// The object's size.
    #[must_use]
    pub const fn object_size(&self) -> u64 {
        self.object_size
    }

    /// The size of every part but the last.
    #[must_use]
    pub const fn part_size(&self) -> u64 {
        self.part_size
    }

    /// How many parts.
    #[must_use]
    pub const fn part_count(&self) -> u32 {
        self.part_count
    }

    /// The size of the last part.
    #[must_use]
    pub const fn last_part_size(&self) -> u64 {
        self.object_size - (self.part_count as u64 - 1) * self.part_size
    }

    /// Whether the plan's part size differs from the wish.
    ///
    /// ```
    /// use oss_multipart::PartPlan;
    /// assert!(!PartPlan::new(10 << 20, Some(5 << 20))?.adjusted(Some(5 << 20)));
    /// assert!(PartPlan::new(10 << 20, Some(1))?.adjusted(Some(1)));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn adjusted(&self, wished_part_size: Option<u64>) -> bool {
        self.part_size != wished_part_size.unwrap_or(DEFAULT_PART_SIZE)
    }

    /// Part `number`'s `(offset, size)` in the object, for numbers 1 to the part count.
    ///
    /// ```
    /// use oss_multipart::PartPlan;
    /// let plan = PartPlan::new(0, None)?;
    /// assert_eq!(plan.part(1), Some((0, 0)));
    /// assert_eq!(plan.part(2), None);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn part(&self, number: u32) -> Option<(u64, u64)> {
        if number == 0 || number > self.part_count {
            return None;
        }
        let offset = u64::from(number - 1) * self.part_size;
        let size = if number == self.part_count {
            self.last_part_size()
        } else {
            self.part_size
        };
        Some((offset, size))
    }

    /// Every part as `(number, offset, size)`.
    ///
    /// ```
    /// use oss_multipart::PartPlan;
    /// let plan = PartPlan::new(300 * 1024, Some(200 * 1024))?;
    /// let parts: Vec<_> = plan.parts().collect();
    /// assert_eq!(parts, [(1, 0, 204_800), (2, 204_800, 102_400)]);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn parts(&self) -> impl Iterator<Item = (u32, u64, u64)> + '_ {
        (1..=self.part_count).filter_map(|n| self.part(n).map(|(offset, size)| (n, offset, size)))
    }
}

/// The fields a [`PartPlan`] is read back from; `last_part_size` follows from them.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct PlanFields {
    object_size: u64,
    part_size: u64,
    part_count: u32,
}

#[cfg(feature = "serde")]
impl TryFrom<PlanFields> for PartPlan {
    type Error = &'static str;

    fn try_from(fields: PlanFields) -> Result<Self, Self::Error> {
        let not_a_plan = "not a part plan: planning object_size with part_size gives another plan";
        let plan = Self::new(fields.object_size, Some(fields.part_size)).map_err(|_| not_a_plan)?;
        let same = plan.part_size == fields.part_size && plan.part_count == fields.part_count;
        same.then_some(plan).ok_or(not_a_plan)
    }
}

/// The plan with its last part's size, which readers would otherwise compute.
#[cfg(feature = "serde")]
impl serde::Serialize for PartPlan {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut out = serializer.serialize_struct("PartPlan", 4)?;
        out.serialize_field("object_size", &self.object_size)?;
        out.serialize_field("part_size", &self.part_size)?;
        out.serialize_field("part_count", &self.part_count)?;
        out.serialize_field("last_part_size", &self.last_part_size())?;
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check_parts;
    use proptest::prelude::*;

    #[cfg(feature = "serde")]
    #[test]
    fn an_inconsistent_plan_does_not_deserialize() {
        let read = |json: &str| serde_json::from_str::<PartPlan>(json).ok();
        assert_eq!(
            read(r#"{"object_size":10,"part_size":1,"part_count":10}"#),
            None
        );
        assert_eq!(
            read(r#"{"object_size":300000,"part_size":102400,"part_count":2}"#),
            None
        );
        let plan = PartPlan::new(300_000, Some(102_400)).ok();
        assert_eq!(
            read(r#"{"object_size":300000,"part_size":102400,"part_count":3}"#),
            plan
        );
    }

    #[cfg(feature = "serde")]
    proptest! {
        #[test]
        fn plans_round_trip_through_json(size in 0..=MAX_MULTIPART_OBJECT_SIZE, wish in any::<Option<u64>>()) {
            let plan = PartPlan::new(size, wish).ok();
            let json = plan.map(|plan| serde_json::to_string(&plan).unwrap_or_default()).unwrap_or_default();
            prop_assert_eq!(serde_json::from_str::<PartPlan>(&json).ok(), plan);
        }
    }
    use std::prelude::rust_2024::*;

    #[test]
    fn edges() {
        let max = PartPlan::new(MAX_MULTIPART_OBJECT_SIZE, None).unwrap();
        assert_eq!(
            (max.part_count(), max.part_size(), max.last_part_size()),
            (10_000, MAX_PART_SIZE, MAX_PART_SIZE)
        );
        assert_eq!(
            PartPlan::new(MAX_MULTIPART_OBJECT_SIZE + 1, None)
                .unwrap_err()
                .entry(),
            Entry::InlineDataTooLarge
        );
        let huge_wish = PartPlan::new(10, Some(u64::MAX)).unwrap();
        assert_eq!(
            (huge_wish.part_count(), huge_wish.part_size()),
            (1, MAX_PART_SIZE)
        );
    }

    proptest! {
        #[test]
        fn every_plan_is_valid(size in 0..=MAX_MULTIPART_OBJECT_SIZE, wish in proptest::option::of(0u64..=u64::MAX)) {
            let plan = PartPlan::new(size, wish).unwrap();
            prop_assert!(plan.part_count() >= 1 && plan.part_count() <= MAX_PART_NUMBER);
            let parts: Vec<_> = plan.parts().collect();
            prop_assert_eq!(parts.len(), plan.part_count() as usize);
            let total: u64 = parts.iter().map(|p| p.2).sum();
            prop_assert_eq!(total, size);
            prop_assert!(check_parts(parts.iter().map(|&(n, _, s)| (n, s))).is_ok());
            if let Some(w) = wish {
                // The wish is kept whenever it is valid on its own.
                if (MIN_PART_SIZE..=MAX_PART_SIZE).contains(&w) && size.div_ceil(w) <= 10_000 {
                    prop_assert_eq!(plan.part_size(), w);
                }
            }
        }
    }
}
