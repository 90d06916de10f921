//! The body of a response that passed through the layer: the handler's, or an error's.

use core::pin::Pin;
use core::task::{Context, Poll};

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};
use http_body_util::Full;
use pin_project_lite::pin_project;

pin_project! {
    /// The handler's body, or the XML error document the layer answered with.
    #[derive(Debug)]
    pub struct ResponseBody<B> {
        #[pin]
        kind: Kind<B>,
    }
}

pin_project! {
    #[project = KindProjection]
    #[derive(Debug)]
    enum Kind<B> {
        Handler { #[pin] body: B },
        Error { body: Full<Bytes> },
    }
}

impl<B> ResponseBody<B> {
    pub(crate) const fn handler(body: B) -> Self {
        Self {
            kind: Kind::Handler { body },
        }
    }

    pub(crate) const fn error(body: Full<Bytes>) -> Self {
        Self {
            kind: Kind::Error { body },
        }
    }
}

impl<B: Body<Data = Bytes>> Body for ResponseBody<B> {
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        match self.project().kind.project() {
            KindProjection::Handler { body } => body.poll_frame(cx),
            KindProjection::Error { body } => Pin::new(body)
                .poll_frame(cx)
                .map_err(|never| match never {}),
        }
    }

    fn is_end_stream(&self) -> bool {
        match &self.kind {
            Kind::Handler { body } => body.is_end_stream(),
            Kind::Error { body } => body.is_end_stream(),
        }
    }

    fn size_hint(&self) -> SizeHint {
        match &self.kind {
            Kind::Handler { body } => body.size_hint(),
            Kind::Error { body } => body.size_hint(),
        }
    }
}
