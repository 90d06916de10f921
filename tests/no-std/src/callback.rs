//! oss-callback without std or alloc: decode and validate a callback, decode variables,
//! judge a reply, and check an IP address, all on the stack.

use oss_callback::{CallbackConfig, CallbackReply, CallbackVars, DecodeBuffer, is_forbidden_ip};

/// 0 when the first `len` bytes of `value` are a valid `x-oss-callback` value, else the HTTP
/// status OSS would answer with.
#[unsafe(no_mangle)]
pub extern "C" fn oss_callback_check(value: &[u8; 64], len: usize) -> u16 {
    let mut buf = DecodeBuffer::new();
    let value = value.get(..len).unwrap_or(&[]);
    match CallbackConfig::decode(value, &mut buf) {
        Ok(_) => 0,
        Err(err) => err.status(),
    }
}

/// The number of custom variables in an `x-oss-callback-var` value, or -1 when invalid.
#[unsafe(no_mangle)]
pub extern "C" fn oss_callback_var_count(value: &[u8; 64], len: usize) -> i32 {
    let mut buf = DecodeBuffer::new();
    let value = value.get(..len).unwrap_or(&[]);
    CallbackVars::decode(value, &mut buf).map_or(-1, |vars| {
        i32::try_from(vars.iter().count()).unwrap_or(i32::MAX)
    })
}

/// 0 when OSS accepts a 200 reply with this body and Content-Length, else 203.
#[unsafe(no_mangle)]
pub extern "C" fn oss_callback_reply_status(body: &[u8; 64], len: usize) -> u16 {
    let body = body.get(..len).unwrap_or(&[]);
    let reply = CallbackReply::new(200, body).with_content_length(b"64");
    reply.check().map_or_else(|err| err.status(), |()| 0)
}

/// 1 when OSS refuses to call back the IPv4 address `ip` (big-endian), else 0.
#[unsafe(no_mangle)]
pub extern "C" fn oss_callback_ip_forbidden(ip: u32) -> u8 {
    u8::from(is_forbidden_ip(core::net::Ipv4Addr::from(ip).into()))
}
