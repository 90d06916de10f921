//! The `oss-benches` package exists for its criterion benches (`cargo bench -p oss-benches`,
//! one file per crate, peers side by side); a package needs a library target, and this is it.

/// reqsign-aliyun-oss as a peer of the signing benches: its signer with a credential, run
/// on a minimal executor, and the PUT both benches sign.
pub struct ReqsignPeer {
    signer: reqsign_aliyun_oss::RequestSigner,
    context: reqsign_core::Context,
    credential: reqsign_aliyun_oss::Credential,
}

impl core::fmt::Debug for ReqsignPeer {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // The credential holds a secret: not printed.
        f.debug_struct("ReqsignPeer").finish_non_exhaustive()
    }
}

impl ReqsignPeer {
    /// `signer` (V1 or V4, as configured) signing with this key pair.
    #[must_use]
    pub fn new(
        signer: reqsign_aliyun_oss::RequestSigner,
        access_key_id: &str,
        secret: &str,
    ) -> Self {
        Self {
            signer,
            context: reqsign_core::Context::new(),
            credential: reqsign_aliyun_oss::Credential {
                access_key_id: access_key_id.into(),
                access_key_secret: secret.into(),
                ..Default::default()
            },
        }
    }

    /// The benches' PUT of `photos/2024/holiday/IMG_0001.jpg` to `examplebucket`
    /// (virtual-hosted, cn-hangzhou) with `headers`.
    ///
    /// # Panics
    /// When a header is not one `http` accepts (the benches' are).
    #[must_use]
    pub fn put(headers: &[(&str, &str)]) -> http::request::Parts {
        let mut builder = http::Request::put(
            "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/photos/2024/holiday/IMG_0001.jpg",
        );
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(()).expect("valid request").into_parts().0
    }

    /// `parts` signed by reqsign.
    ///
    /// # Panics
    /// When reqsign fails to sign (it does not for the benches' request).
    #[must_use]
    pub fn sign(&self, mut parts: http::request::Parts) -> http::request::Parts {
        use reqsign_core::SignRequest as _;
        pollster::block_on(self.signer.sign_request(
            &self.context,
            &mut parts,
            Some(&self.credential),
            None,
        ))
        .expect("signs");
        parts
    }
}
