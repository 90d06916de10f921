//! Signed RTMP URLs for LiveChannel ingest:
//! `rtmp://<bucket>.<host>/live/<channel>?<params>&OSSAccessKeyId=..&Expires=..&Signature=..`.

use core::fmt;

use oss_naming::percent;

use crate::canonical::Sink as _;
use crate::credentials::Credentials;
use crate::input::Query;
use crate::key::SigningKey;
use crate::presign::{SECURITY_TOKEN_PARAM, decimal, write_encoded};
use crate::request::Param;
use crate::signature::Signature;
use crate::text::Text;

/// Parameters that never enter the RTMP string-to-sign.
const UNSIGNED: [&str; 4] = [
    "OSSAccessKeyId",
    "Signature",
    "Expires",
    SECURITY_TOKEN_PARAM,
];

/// A signed RTMP ingest URL for a LiveChannel.
///
/// String-to-sign: `<Expires>\n`, then `name:value\n` for each parameter sorted by name
/// (the auth parameters and `security-token` excluded, as the Go SDK does; oss2 signs
/// `security-token`), then `/<bucket>/<channel>`.
///
/// ```
/// use oss_sign::{Credentials, SigningKey, presign_rtmp};
/// let key = SigningKey::new("sk");
/// let creds = Credentials::new("ak", &key)?;
/// let params = [("playlistName", "playlist.m3u8")];
/// let signed = presign_rtmp(&creds, "bucket", "channel", &params, 1700000000);
/// let mut url = String::new();
/// signed.write_url("oss-cn-hangzhou.aliyuncs.com", &mut url).unwrap();
/// assert!(url.starts_with("rtmp://bucket.oss-cn-hangzhou.aliyuncs.com/live/channel?playlistName=playlist.m3u8&OSSAccessKeyId=ak&Expires=1700000000&Signature="));
/// # Ok::<(), oss_sign::CredentialsError>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct RtmpPresigned<'a, Q> {
    creds: Credentials<'a>,
    bucket: &'a str,
    channel: &'a str,
    params: Q,
    expires: u64,
    signature: Signature,
}

/// Signs an RTMP ingest URL for `channel` of `bucket`, valid until `expires`.
#[must_use]
pub fn presign_rtmp<'a, Q: Query<'a>>(
    creds: &Credentials<'a>,
    bucket: &'a str,
    channel: &'a str,
    params: Q,
    expires: u64,
) -> RtmpPresigned<'a, Q> {
    let signature = rtmp_signature(creds.key, bucket, channel, &params, &decimal(expires));
    RtmpPresigned {
        creds: *creds,
        bucket,
        channel,
        params,
        expires,
        signature,
    }
}

fn is_signed_rtmp(param: &Param<'_>) -> bool {
    !UNSIGNED.iter().any(|name| param.name_is(name))
}

fn rtmp_signature<'a, Q: Query<'a>>(
    key: &SigningKey,
    bucket: &str,
    channel: &str,
    params: &Q,
    expires: &str,
) -> Signature {
    key.signature(|mac| {
        mac.put(expires.as_bytes());
        mac.put(b"\n");
        // Sorted by (name, position) with a selection pass: allocation-free; lists are short.
        let mut last: Option<(Text<'a>, usize)> = None;
        loop {
            let mut next: Option<(Param<'a>, usize)> = None;
            for (index, param) in params
                .params()
                .enumerate()
                .filter(|(_, p)| is_signed_rtmp(p))
            {
                let after = last
                    .is_none_or(|(name, at)| param.name.cmp(&name).then(index.cmp(&at)).is_gt());
                if after
                    && next
                        .is_none_or(|(n, at)| param.name.cmp(&n.name).then(index.cmp(&at)).is_lt())
                {
                    next = Some((param, index));
                }
            }
            let Some((param, index)) = next else { break };
            param.name.feed(mac);
            mac.put(b":");
            param.value.feed(mac);
            mac.put(b"\n");
            last = Some((param.name, index));
        }
        mac.put(b"/");
        mac.put(bucket.as_bytes());
        mac.put(b"/");
        mac.put(channel.as_bytes());
    })
}

impl<'a, Q: Query<'a>> RtmpPresigned<'a, Q> {
    /// The signature (base64).
    #[must_use]
    pub const fn signature(&self) -> &Signature {
        &self.signature
    }

    /// Writes `rtmp://<bucket>.<host>/live/<channel>?<params>&OSSAccessKeyId=..&Expires=..&Signature=..`
    /// (plus `security-token` for STS). `endpoint` is the region host; a scheme prefix is
    /// ignored.
    ///
    /// # Errors
    /// Whatever `out` returns.
    ///
    /// ```
    /// use oss_sign::{Credentials, SigningKey, presign_rtmp};
    /// let key = SigningKey::new("sk");
    /// let creds = Credentials::new("ak", &key)?;
    /// let signed = presign_rtmp(&creds, "b", "c", oss_sign::input::Nothing::default(), 1);
    /// let mut url = String::new();
    /// signed.write_url("https://oss.example.com", &mut url).unwrap();
    /// assert!(url.starts_with("rtmp://b.oss.example.com/live/c?OSSAccessKeyId=ak&Expires=1&Signature="));
    /// # Ok::<(), oss_sign::CredentialsError>(())
    /// ```
    pub fn write_url(&self, endpoint: &str, out: &mut impl fmt::Write) -> fmt::Result {
        let host = endpoint
            .split_once("://")
            .map_or(endpoint, |(_, host)| host)
            .trim_end_matches('/');
        write!(out, "rtmp://{}.{host}/live/", self.bucket)?;
        percent::encode(self.channel.as_bytes(), out)?;
        out.write_char('?')?;
        for param in self.params.params().filter(is_signed_rtmp) {
            write_param(out, &param)?;
            out.write_char('&')?;
        }
        out.write_str("OSSAccessKeyId=")?;
        percent::encode(self.creds.access_key_id.as_bytes(), out)?;
        write!(out, "&Expires={}&Signature=", self.expires)?;
        percent::encode(self.signature.as_bytes(), out)?;
        if let Some(token) = self.creds.security_token {
            out.write_str("&security-token=")?;
            percent::encode(token.as_bytes(), out)?;
        }
        Ok(())
    }
}

fn write_param(out: &mut impl fmt::Write, param: &Param<'_>) -> fmt::Result {
    write_encoded(&param.name, false, out)?;
    if !param.value_is_empty() {
        out.write_char('=')?;
        write_encoded(&param.value, false, out)?;
    }
    Ok(())
}
