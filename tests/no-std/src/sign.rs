//! oss-sign without std or alloc (its owner adds the hot paths here).

use oss_sign as _;
