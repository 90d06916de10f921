//! The authentication layer and the service it wraps.

use alloc::sync::Arc;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use bytes::Bytes;
use http::header::HeaderValue;
use http::request::Parts;
use http::{Request, Response};
use http_body::Body;
use http_body_util::Full;
use oss_errors::{Entry, Error};
use oss_naming::Timestamp;
use oss_sign::{AuthMethod, KeyLookup, MAX_CLOCK_SKEW_SECS, Verifier, http_request};
use pin_project_lite::pin_project;
use tower_layer::Layer;
use tower_service::Service;

use crate::addressing::{BucketResolver, PathStyle};
use crate::body::ResponseBody;
use crate::close::close_unread;
use crate::details::details;
use crate::error_response::ErrorResponse;
use crate::identity::Identity;
use crate::request_id::{REQUEST_ID_HEADER, RequestId};

/// What [`OssAuthLayer`] authenticates with: the key store, where buckets are, the
/// regions served (V4), the clock, and whether anonymous requests pass.
///
/// ```
/// use oss_tower::{AuthSettings, KeyStore, VirtualHosts};
/// let settings = AuthSettings::new(KeyStore::new().with_key("AKID", "secret"))
///     .with_resolver(VirtualHosts::new(["oss-cn-hangzhou.aliyuncs.com"]))
///     .with_regions(["cn-hangzhou"])
///     .with_host_id("oss-cn-hangzhou.aliyuncs.com");
/// # let _ = settings;
/// ```
#[derive(Debug)]
pub struct AuthSettings<K, R = PathStyle> {
    keys: K,
    resolver: R,
    regions: Vec<String>,
    max_skew: u64,
    empty_additional_headers: bool,
    host_id: String,
    anonymous: bool,
    clock: fn() -> Option<Timestamp>,
}

impl<K: KeyLookup> AuthSettings<K> {
    /// Authenticates with `keys`; path-style addressing, no V4 region (V4 requests are
    /// refused as signed for another region until [`AuthSettings::with_regions`]), OSS's
    /// 15 minutes of clock skew, anonymous requests refused, the system clock.
    pub fn new(keys: K) -> Self {
        Self {
            keys,
            resolver: PathStyle,
            regions: Vec::new(),
            max_skew: MAX_CLOCK_SKEW_SECS,
            empty_additional_headers: false,
            host_id: String::new(),
            anonymous: false,
            clock: Timestamp::now,
        }
    }
}

impl<K, R> AuthSettings<K, R> {
    /// Finds buckets with `resolver` (see [`VirtualHosts`](crate::VirtualHosts)).
    pub fn with_resolver<R2: BucketResolver>(self, resolver: R2) -> AuthSettings<K, R2> {
        AuthSettings {
            keys: self.keys,
            resolver,
            regions: self.regions,
            max_skew: self.max_skew,
            empty_additional_headers: self.empty_additional_headers,
            host_id: self.host_id,
            anonymous: self.anonymous,
            clock: self.clock,
        }
    }

    /// The regions (or cloud-box ids) V4 credentials may name.
    #[must_use]
    pub fn with_regions<I>(mut self, regions: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.regions = regions.into_iter().map(Into::into).collect();
        self
    }

    /// The clock skew allowed, in seconds.
    #[must_use]
    pub const fn with_max_skew(mut self, seconds: u64) -> Self {
        self.max_skew = seconds;
        self
    }

    /// Accepts a V4 `Authorization` with an empty `AdditionalHeaders=` item, as
    /// reqsign-aliyun-oss (OpenDAL) sends; OSS refuses it (see
    /// `Verifier::with_empty_additional_headers`), and so does the layer by default.
    #[must_use]
    pub const fn with_empty_additional_headers(mut self, accept: bool) -> Self {
        self.empty_additional_headers = accept;
        self
    }

    /// The `<HostId>` of error documents for requests without a `Host` header (OSS puts
    /// the host the request named there).
    #[must_use]
    pub fn with_host_id(mut self, host_id: impl Into<String>) -> Self {
        self.host_id = host_id.into();
        self
    }

    /// Lets unsigned requests through to the handler, with an anonymous [`Identity`]
    /// (it then applies its ACLs, as OSS does). Refused with AccessDenied otherwise.
    #[must_use]
    pub const fn allow_anonymous(mut self, yes: bool) -> Self {
        self.anonymous = yes;
        self
    }

    /// Reads the time from `clock` (tests pin it); `None` (a clock before 1970) fails
    /// every request with RequestTimeTooSkewed.
    #[must_use]
    pub const fn with_clock(mut self, clock: fn() -> Option<Timestamp>) -> Self {
        self.clock = clock;
        self
    }
}

impl<K: KeyLookup, R: BucketResolver> AuthSettings<K, R> {
    /// Authenticates the request `parts` describe: its [`Identity`], or the error OSS
    /// would answer with.
    ///
    /// # Errors
    /// Those of [`Verifier::verify`]; AccessDenied for an anonymous request when
    /// anonymous requests are refused; RequestTimeTooSkewed when the clock fails.
    pub fn authenticate(&self, parts: &Parts) -> Result<Identity, Error> {
        let request = http_request(
            &parts.method,
            &parts.uri,
            &parts.headers,
            self.resolver.addressing(parts),
        );
        let now = (self.clock)().ok_or(Entry::RequestTimeTooSkewed)?;
        let regions: Vec<&str> = self.regions.iter().map(String::as_str).collect();
        let verified = Verifier::new()
            .with_max_skew(self.max_skew)
            .with_empty_additional_headers(self.empty_additional_headers)
            .with_regions(&regions)
            .verify(&request, now, &self.keys)?;
        if verified.method() == AuthMethod::Anonymous && !self.anonymous {
            return Err(Entry::AccessDenied.into());
        }
        Ok(Identity::from(&verified))
    }

    /// The response OSS sends when `parts` failed with `error`: with the server's
    /// transcript on a signature mismatch and the clocks on a skew, and the request's
    /// host as `HostId` (the configured host id when it names none).
    #[must_use]
    pub fn reject(
        &self,
        parts: &Parts,
        error: Error,
        request_id: &RequestId,
    ) -> Response<Full<Bytes>> {
        let request = http_request(
            &parts.method,
            &parts.uri,
            &parts.headers,
            self.resolver.addressing(parts),
        );
        let owned = details(
            error.entry(),
            parts,
            &request,
            (self.clock)(),
            self.max_skew,
        );
        let extra: Vec<(&str, &str)> = owned
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        let host = parts
            .headers
            .get(http::header::HOST)
            .and_then(|host| host.to_str().ok())
            .unwrap_or(&self.host_id);
        let mut response = ErrorResponse::new(error, request_id.as_str(), host)
            .with_extra(&extra)
            .into_response(&parts.method);
        // The layer never reads the body of a request it refuses.
        close_unread(parts, response.headers_mut());
        response
    }
}

/// A `tower` layer that authenticates every request as OSS does (V1 or V4, header or
/// presigned URL) before the handler sees it.
///
/// A request that passes reaches the handler with its [`Identity`] and [`RequestId`] in
/// its extensions; one that fails gets OSS's error response (status, XML document with
/// `Code`, `Message`, `RequestId`, `HostId`, `EC`, and the server's `StringToSign` on a
/// signature mismatch; `x-oss-request-id` and `x-oss-ec` headers). Every response
/// carries `x-oss-request-id`. The body is not read: neither signature covers it.
///
/// ```
/// use oss_tower::{AuthSettings, KeyStore, OssAuthLayer};
/// let layer = OssAuthLayer::new(AuthSettings::new(KeyStore::new().with_key("AKID", "secret")));
/// # let _ = layer;
/// ```
#[derive(Debug)]
pub struct OssAuthLayer<K, R = PathStyle> {
    settings: Arc<AuthSettings<K, R>>,
}

impl<K, R> Clone for OssAuthLayer<K, R> {
    fn clone(&self) -> Self {
        Self {
            settings: Arc::clone(&self.settings),
        }
    }
}

impl<K, R> OssAuthLayer<K, R> {
    /// A layer authenticating with `settings`.
    pub fn new(settings: AuthSettings<K, R>) -> Self {
        Self {
            settings: Arc::new(settings),
        }
    }
}

impl<S, K, R> Layer<S> for OssAuthLayer<K, R> {
    type Service = OssAuth<S, K, R>;

    fn layer(&self, inner: S) -> OssAuth<S, K, R> {
        OssAuth {
            inner,
            settings: Arc::clone(&self.settings),
        }
    }
}

/// The service [`OssAuthLayer`] wraps around a handler.
#[derive(Debug)]
pub struct OssAuth<S, K, R = PathStyle> {
    inner: S,
    settings: Arc<AuthSettings<K, R>>,
}

impl<S: Clone, K, R> Clone for OssAuth<S, K, R> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
            settings: Arc::clone(&self.settings),
        }
    }
}

impl<S, K, R, B, RB> Service<Request<B>> for OssAuth<S, K, R>
where
    S: Service<Request<B>, Response = Response<RB>>,
    RB: Body<Data = Bytes>,
    K: KeyLookup,
    R: BucketResolver,
{
    type Response = Response<ResponseBody<RB>>;
    type Error = S::Error;
    type Future = ResponseFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let request_id = RequestId::next();
        let (mut parts, body) = request.into_parts();
        match self.settings.authenticate(&parts) {
            Ok(identity) => {
                parts.extensions.insert(identity);
                parts.extensions.insert(request_id);
                ResponseFuture::handler(
                    self.inner.call(Request::from_parts(parts, body)),
                    request_id,
                )
            }
            Err(error) => {
                ResponseFuture::rejected(self.settings.reject(&parts, error, &request_id))
            }
        }
    }
}

pin_project! {
    /// The future of [`OssAuth`]: the handler's response with `x-oss-request-id` added, or
    /// the rejection.
    #[derive(Debug)]
    pub struct ResponseFuture<F> {
        #[pin]
        state: State<F>,
    }
}

pin_project! {
    #[project = StateProjection]
    #[derive(Debug)]
    enum State<F> {
        Handler { #[pin] future: F, request_id: RequestId },
        Rejected { response: Option<Response<Full<Bytes>>> },
    }
}

impl<F> ResponseFuture<F> {
    const fn handler(future: F, request_id: RequestId) -> Self {
        Self {
            state: State::Handler { future, request_id },
        }
    }

    const fn rejected(response: Response<Full<Bytes>>) -> Self {
        Self {
            state: State::Rejected {
                response: Some(response),
            },
        }
    }
}

impl<F, RB, E> Future for ResponseFuture<F>
where
    F: Future<Output = Result<Response<RB>, E>>,
{
    type Output = Result<Response<ResponseBody<RB>>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.project().state.project() {
            StateProjection::Handler { future, request_id } => {
                let mut response = match future.poll(cx) {
                    Poll::Ready(Ok(response)) => response,
                    Poll::Ready(Err(error)) => return Poll::Ready(Err(error)),
                    Poll::Pending => return Poll::Pending,
                };
                if !response.headers().contains_key(REQUEST_ID_HEADER)
                    && let Ok(id) = HeaderValue::from_str(request_id.as_str())
                {
                    response.headers_mut().insert(REQUEST_ID_HEADER, id);
                }
                Poll::Ready(Ok(response.map(ResponseBody::handler)))
            }
            StateProjection::Rejected { response } => match response.take() {
                Some(response) => Poll::Ready(Ok(response.map(ResponseBody::error))),
                None => panic!("ResponseFuture polled after it completed"),
            },
        }
    }
}
