//! oss-naming without std or alloc (its owner adds the hot paths here).

use oss_naming as _;
