//! oss-crc64 without std or alloc (its owner adds the hot paths here).

use oss_crc64 as _;
