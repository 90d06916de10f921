//! oss-callback without std or alloc (its owner adds the hot paths here).

use oss_callback as _;
