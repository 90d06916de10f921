//! `x-oss-callback-var` decoding: never panics; decoded variables re-encode and decode the same.
#![no_main]

#[macro_use]
#[path = "shared/callback_round_trip.rs"]
mod shared;

use oss_core::callback::CallbackVars;

callback_round_trip_target!(CallbackVars);
