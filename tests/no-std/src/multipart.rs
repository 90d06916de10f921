//! oss-multipart without std or alloc (its owner adds the hot paths here).

use oss_multipart as _;
