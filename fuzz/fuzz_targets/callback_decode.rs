//! `x-oss-callback` decoding: never panics; whatever decodes re-encodes and decodes to the
//! same configuration. Feeds both raw bytes and their base64 (to get past the base64 gate).
#![no_main]

#[macro_use]
#[path = "shared/callback_round_trip.rs"]
mod shared;

use oss_core::callback::CallbackConfig;

callback_round_trip_target!(CallbackConfig);
