//! [`UploadInfo`]: the values OSS substitutes for the system variables of `callbackBody`.

/// A system variable of `callbackBody`, written `${name}` (names are case-sensitive).
///
/// ```
/// use oss_callback::SystemVar;
/// assert_eq!(SystemVar::parse("mimeType"), Some(SystemVar::MimeType));
/// assert_eq!(SystemVar::ImageHeight.name(), "imageInfo.height");
/// assert_eq!(SystemVar::parse("mimetype"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SystemVar {
    /// `${bucket}`: the bucket name.
    Bucket,
    /// `${object}`: the object key.
    Object,
    /// `${etag}`: the ETag returned to the client.
    Etag,
    /// `${size}`: the object size in bytes (a number).
    Size,
    /// `${mimeType}`: the content type, such as `image/jpeg`.
    MimeType,
    /// `${imageInfo.height}`: image height (a number; empty for non-images).
    ImageHeight,
    /// `${imageInfo.width}`: image width (a number; empty for non-images).
    ImageWidth,
    /// `${imageInfo.format}`: image format, such as `jpg`.
    ImageFormat,
    /// `${crc64}`: the `x-oss-hash-crc64ecma` value (a number, may exceed 2^53).
    Crc64,
    /// `${contentMd5}`: the `Content-MD5` value (PutObject and PostObject only).
    ContentMd5,
    /// `${vpcId}`: the client's VPC id, when the request came through a VPC.
    VpcId,
    /// `${clientIp}`: the client's IP address.
    ClientIp,
    /// `${reqId}`: the request id.
    ReqId,
    /// `${operation}`: the API name, such as `PutObject`.
    Operation,
}

impl SystemVar {
    /// Every system variable.
    pub const ALL: [Self; 14] = [
        Self::Bucket,
        Self::Object,
        Self::Etag,
        Self::Size,
        Self::MimeType,
        Self::ImageHeight,
        Self::ImageWidth,
        Self::ImageFormat,
        Self::Crc64,
        Self::ContentMd5,
        Self::VpcId,
        Self::ClientIp,
        Self::ReqId,
        Self::Operation,
    ];

    /// The name inside `${...}`.
    ///
    /// ```
    /// # use oss_callback::SystemVar;
    /// assert_eq!(SystemVar::ReqId.name(), "reqId");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Bucket => "bucket",
            Self::Object => "object",
            Self::Etag => "etag",
            Self::Size => "size",
            Self::MimeType => "mimeType",
            Self::ImageHeight => "imageInfo.height",
            Self::ImageWidth => "imageInfo.width",
            Self::ImageFormat => "imageInfo.format",
            Self::Crc64 => "crc64",
            Self::ContentMd5 => "contentMd5",
            Self::VpcId => "vpcId",
            Self::ClientIp => "clientIp",
            Self::ReqId => "reqId",
            Self::Operation => "operation",
        }
    }

    /// The variable named `name`, exactly.
    ///
    /// ```
    /// # use oss_callback::SystemVar;
    /// assert_eq!(SystemVar::parse("crc64"), Some(SystemVar::Crc64));
    /// ```
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|var| var.name() == name)
    }
}

/// A value to substitute: text, a number, or nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Value<'a> {
    Text(&'a str),
    Number(u64),
    Missing,
}

/// What OSS knows about the upload when it renders `callbackBody`. Fields left `None` are
/// rendered empty (form bodies) or `null` (JSON bodies).
///
/// ```
/// use oss_callback::UploadInfo;
/// let info = UploadInfo::new().with_bucket("examplebucket").with_object("a.txt").with_size(5);
/// assert_eq!(info.size, Some(5));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct UploadInfo<'a> {
    /// `${bucket}`
    pub bucket: Option<&'a str>,
    /// `${object}`
    pub object: Option<&'a str>,
    /// `${etag}`
    pub etag: Option<&'a str>,
    /// `${size}`
    pub size: Option<u64>,
    /// `${mimeType}`
    pub mime_type: Option<&'a str>,
    /// `${imageInfo.height}`
    pub image_height: Option<u64>,
    /// `${imageInfo.width}`
    pub image_width: Option<u64>,
    /// `${imageInfo.format}`
    pub image_format: Option<&'a str>,
    /// `${crc64}`
    pub crc64: Option<u64>,
    /// `${contentMd5}`
    pub content_md5: Option<&'a str>,
    /// `${vpcId}`
    pub vpc_id: Option<&'a str>,
    /// `${clientIp}`
    pub client_ip: Option<&'a str>,
    /// `${reqId}`
    pub req_id: Option<&'a str>,
    /// `${operation}`
    pub operation: Option<&'a str>,
}

macro_rules! setters {
    ($($(#[$doc:meta])* $fn:ident($field:ident: $ty:ty);)*) => {$(
        $(#[$doc])*
        #[must_use]
        pub const fn $fn(mut self, value: $ty) -> Self {
            self.$field = Some(value);
            self
        }
    )*};
}

impl<'a> UploadInfo<'a> {
    /// Nothing known yet.
    ///
    /// ```
    /// # use oss_callback::UploadInfo;
    /// assert_eq!(UploadInfo::new().bucket, None);
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Self {
            bucket: None,
            object: None,
            etag: None,
            size: None,
            mime_type: None,
            image_height: None,
            image_width: None,
            image_format: None,
            crc64: None,
            content_md5: None,
            vpc_id: None,
            client_ip: None,
            req_id: None,
            operation: None,
        }
    }

    setters! {
        /// Sets `${bucket}`.
        ///
        /// ```
        /// # use oss_callback::UploadInfo;
        /// assert_eq!(UploadInfo::new().with_bucket("b").bucket, Some("b"));
        /// ```
        with_bucket(bucket: &'a str);
        /// Sets `${object}`.
        ///
        /// ```
        /// # use oss_callback::UploadInfo;
        /// assert_eq!(UploadInfo::new().with_object("k").object, Some("k"));
        /// ```
        with_object(object: &'a str);
        /// Sets `${etag}`.
        ///
        /// ```
        /// # use oss_callback::UploadInfo;
        /// assert_eq!(UploadInfo::new().with_etag("E").etag, Some("E"));
        /// ```
        with_etag(etag: &'a str);
        /// Sets `${size}`.
        ///
        /// ```
        /// # use oss_callback::UploadInfo;
        /// assert_eq!(UploadInfo::new().with_size(1).size, Some(1));
        /// ```
        with_size(size: u64);
        /// Sets `${mimeType}`.
        ///
        /// ```
        /// # use oss_callback::UploadInfo;
        /// assert_eq!(UploadInfo::new().with_mime_type("text/plain").mime_type, Some("text/plain"));
        /// ```
        with_mime_type(mime_type: &'a str);
        /// Sets `${imageInfo.height}`.
        ///
        /// ```
        /// # use oss_callback::UploadInfo;
        /// assert_eq!(UploadInfo::new().with_image_height(9).image_height, Some(9));
        /// ```
        with_image_height(image_height: u64);
        /// Sets `${imageInfo.width}`.
        ///
        /// ```
        /// # use oss_callback::UploadInfo;
        /// assert_eq!(UploadInfo::new().with_image_width(9).image_width, Some(9));
        /// ```
        with_image_width(image_width: u64);
        /// Sets `${imageInfo.format}`.
        ///
        /// ```
        /// # use oss_callback::UploadInfo;
        /// assert_eq!(UploadInfo::new().with_image_format("png").image_format, Some("png"));
        /// ```
        with_image_format(image_format: &'a str);
        /// Sets `${crc64}`.
        ///
        /// ```
        /// # use oss_callback::UploadInfo;
        /// assert_eq!(UploadInfo::new().with_crc64(7).crc64, Some(7));
        /// ```
        with_crc64(crc64: u64);
        /// Sets `${contentMd5}`.
        ///
        /// ```
        /// # use oss_callback::UploadInfo;
        /// assert_eq!(UploadInfo::new().with_content_md5("m").content_md5, Some("m"));
        /// ```
        with_content_md5(content_md5: &'a str);
        /// Sets `${vpcId}`.
        ///
        /// ```
        /// # use oss_callback::UploadInfo;
        /// assert_eq!(UploadInfo::new().with_vpc_id("v").vpc_id, Some("v"));
        /// ```
        with_vpc_id(vpc_id: &'a str);
        /// Sets `${clientIp}`.
        ///
        /// ```
        /// # use oss_callback::UploadInfo;
        /// assert_eq!(UploadInfo::new().with_client_ip("1.2.3.4").client_ip, Some("1.2.3.4"));
        /// ```
        with_client_ip(client_ip: &'a str);
        /// Sets `${reqId}`.
        ///
        /// ```
        /// # use oss_callback::UploadInfo;
        /// assert_eq!(UploadInfo::new().with_req_id("r").req_id, Some("r"));
        /// ```
        with_req_id(req_id: &'a str);
        /// Sets `${operation}`.
        ///
        /// ```
        /// # use oss_callback::UploadInfo;
        /// assert_eq!(UploadInfo::new().with_operation("PutObject").operation, Some("PutObject"));
        /// ```
        with_operation(operation: &'a str);
    }

    /// The value for `var`.
    pub(crate) fn value(&self, var: SystemVar) -> Value<'a> {
        let text = |v: Option<&'a str>| v.map_or(Value::Missing, Value::Text);
        let number = |v: Option<u64>| v.map_or(Value::Missing, Value::Number);
        match var {
            SystemVar::Bucket => text(self.bucket),
            SystemVar::Object => text(self.object),
            SystemVar::Etag => text(self.etag),
            SystemVar::Size => number(self.size),
            SystemVar::MimeType => text(self.mime_type),
            SystemVar::ImageHeight => number(self.image_height),
            SystemVar::ImageWidth => number(self.image_width),
            SystemVar::ImageFormat => text(self.image_format),
            SystemVar::Crc64 => number(self.crc64),
            SystemVar::ContentMd5 => text(self.content_md5),
            SystemVar::VpcId => text(self.vpc_id),
            SystemVar::ClientIp => text(self.client_ip),
            SystemVar::ReqId => text(self.req_id),
            SystemVar::Operation => text(self.operation),
        }
    }
}
