//! The catalogue: one place for every OSS code, HTTP status and message.
//!
//! Codes and messages are copied verbatim from the OSS error-center pages kept in
//! `seeds/` (typos included). Where the status table (`003`) and the 400 page (`004`)
//! differ only by a trailing period, the 400 page's spelling is kept and tolerant
//! matching accepts the other. A seed entry stays one entry even where its message joins
//! two cases with "or".
//!
//! A code or entry without a `source` column comes from the seeds. The others name their
//! [`Source`](crate::Source) and, with `from`, the repository and file the text was copied
//! from: a reference note, an official SDK's code table, an SDK integration test (what
//! the live service answered) or an SDK unit-test fixture. A code known only from an SDK
//! code table may have no entry: no source gives its message. Meanings and hints are our
//! own words.

codes! {
    CallbackFailed = 203, "The object was stored, but the upload callback to the application server failed.";

    InvalidBucketName = 400, "The bucket name breaks the bucket naming rules.";
    InvalidObjectName = 400, "The object name breaks the object naming rules.";
    TooManyBuckets = 400, "The account already owns the maximum number of buckets in this region.";
    RequestIsNotMultiPartContent = 400, "A PostObject request was not sent as multipart/form-data.";
    RequestTimeout = 400, "The connection sat idle for too long while OSS waited for data.";
    NotImplemented = 400, "The request asks for something OSS does not support here.";
    MissingArgument = 400, "A required request parameter is missing.";
    InvalidArgument = 400, "A request parameter, header or form field has an invalid value.";
    MaxPOSTPreDataLengthExceededError = 400, "The PostObject form fields before the file are too large.";
    FieldItemTooLong = 400, "A PostObject form field is too long.";
    MalformedPOSTRequest = 400, "The PostObject body is not well-formed multipart/form-data.";
    InvalidPolicyDocument = 400, "The PostObject policy document cannot be parsed or is not valid.";
    IncorrectNumberOfFilesInPOSTRequest = 400, "A PostObject request must carry exactly one file field.";
    EntityTooSmall = 400, "The upload is smaller than the allowed minimum.";
    EntityTooLarge = 400, "The upload is larger than the allowed maximum.";
    MalformedXML = 400, "The XML request body is not well-formed or does not match the schema.";
    InvalidTargetBucketForLogging = 400, "The bucket chosen to receive access logs cannot be used.";
    InvalidPart = 400, "A part listed in CompleteMultipartUpload does not exist or its ETag differs.";
    FilePartNotExist = 400, "A part referenced by the request has been deleted.";
    InvalidPartOrder = 400, "The part list of CompleteMultipartUpload is not valid or not in ascending order.";
    InvalidEncryptionAlgorithmError = 400, "The server-side encryption algorithm is not supported.";
    InvalidDigest = 400, "The Content-MD5 header is not valid or does not match the body.";
    InvalidTargetType = 400, "A symbolic link points to another symbolic link.";
    RepeatedTags = 400, "Two tags share the same key.";
    InvalidHostPutBucket = 400, "PutBucket was sent to a host that is not a standard OSS endpoint.";
    InvalidDataEncryptionAlgorithmError = 400, "The KMS data encryption algorithm is not supported.";
    InvalidParameter = 400, "A parameter, such as a KMS key id, is not valid.";
    InvalidWORMConfiguration = 400, "The retention (WORM) policy is not valid.";
    InventoryExceedLimit = 400, "The bucket already has the maximum number of inventory configurations.";
    DailyInventoryExceedLimit = 400, "The bucket holds too many objects for a daily inventory.";
    WeeklyInventoryExceedLimit = 400, "The bucket holds too many objects for a weekly inventory.";
    BadRequest = 400, "A CORS preflight request lacks a required header.";
    InvalidTaggingKey = 400, "An object tag key is not valid.";
    TooManyCname = 400, "The bucket already has the maximum number of custom domain names.";
    InvalidChannelName = 400, "The LiveChannel name breaks the naming rules.";
    InvalidXMLFormat = 400, "The configuration sent is not well-formed XML.";
    InvalidRequest = 400, "The request is not valid for this operation or this kind of caller.";
    TooManyPipes = 400, "An image-processing request chains too many operations.";
    NoReplicationRule = 400, "The request names no cross-region replication rule.";
    TooManyReplicationRules = 400, "The bucket already has a cross-region replication rule.";
    InvalidBucketStatus = 400, "The buckets' versioning states do not allow this replication rule.";
    InvalidTargetBucket = 400, "The replication target bucket cannot be used.";
    InvalidTargetLocation = 400, "The replication target bucket is not in the target region.";
    BadReplicationLocation = 400, "The replication target region does not exist.";
    NoReplicationLocation = 400, "No replication target region is available for this bucket.";
    BucketReplicationAlreadyExist = 400, "A replication rule already links these buckets.";
    TooManyIncomingReplication = 400, "The bucket is already the target of the maximum number of replication rules.";
    TooManyOutgoingReplication = 400, "The bucket is already the source of the maximum number of replication rules.";
    CORSRuleBeyondLimit = 400, "The bucket has too many CORS rules.";
    TooManyTags = 400, "The bucket has too many tags.";
    TooManyPrefixes = 400, "A replication rule lists too many prefixes.";
    TooManyFilterObjectTags = 400, "A replication rule filters on too many object tags.";
    InvalidCRC64 = 400, "The CRC-64 sent by the client differs from the one OSS computed.";
    InlineDataTooLarge = 400, "The object is larger than the upload method allows.";
    ImageTooLarge = 400, "The source image is too large for image processing.";
    IncompleteBody = 400, "The body is shorter than the Content-Length header says.";
    KmsServiceNotEnabled = 400, "KMS encryption was requested but KMS is not activated for the account.";
    OperationNotSupported = 400, "The operation is not supported for this resource.";
    NotSymlink = 400, "A symlink operation was applied to an object that is not a symbolic link.";
    InvalidTag = 400, "A bucket tag key or value is not valid.";
    InvalidEncryptionRequest = 400, "The client-side encryption metadata is missing, inconsistent or immutable.";
    UserKeyMustBeSpecified = 400, "A DeleteMultipleObjects entry has no object key.";
    MissingAccessKeyId = 400, "The request has no AccessKey ID.";
    AppendSealedObjectNotAllowed = 400, "AppendObject was sent to an appendable object that has been sealed.",
        source = SdkLiveTest, from = "aliyun/alibabacloud-oss-python-sdk-v2: tests/integration/test_object_basic.py";
    ResourceGroupIdPreCheckError = 400, "The resource group id given with the request did not pass OSS's checks.",
        source = SdkLiveTest, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_integration_test.go";
    TooManyCnameToken = 400, "The bucket already holds the maximum number of CNAME ownership tokens.",
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_mock_test.go";
    InvalidJsonData = 400, "SelectObject met input that is not valid JSON.",
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_mock_test.go";
    InvalidOutputFieldDelimiter = 400, "SelectObject's output field delimiter is not valid.",
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_mock_test.go";
    InvalidInputRecordDelimiter = 400, "SelectObject's input record delimiter is not valid.",
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/api_op_select_object_test.go";
    ObjectAlreadyExists = 400, "The object already exists and the request forbids overwriting it.",
        source = SdkTable, from = "aliyun/aliyun-oss-python-sdk: oss2/exceptions.py";
    PartNotSequential = 400, "The parts were not uploaded in the order the request requires.",
        source = SdkTable, from = "aliyun/aliyun-oss-python-sdk: oss2/exceptions.py";

    AccessDenied = 403, "The caller is not allowed to perform this operation.";
    InvalidAccessKeyId = 403, "The AccessKey ID is unknown, disabled or malformed.";
    SignatureDoesNotMatch = 403, "The signature OSS computed differs from the one sent.";
    RequestTimeTooSkewed = 403, "The request time is too far from the OSS server's clock.";
    ImageDamage = 403, "The image cannot be decoded.";
    UserDisable = 403, "The account has been disabled.";
    AccessForbidden = 403, "A CORS request is not allowed by the bucket's CORS rules.";
    InvalidObjectState = 403, "The object's storage state does not allow this operation.";
    NeedVerifyDomainOwnership = 403, "A custom domain must be proven to be the caller's (CNAME token) before it is bound.",
        source = SdkLiveTest, from = "aliyun/alibabacloud-oss-python-sdk-v2: tests/integration/test_bucket_cname_client.py";
    WORMConfigurationLocked = 403, "The retention (WORM) policy is locked and cannot be changed.",
        source = SdkTable, from = "aliyun/aliyun-oss-python-sdk: oss2/exceptions.py";

    SymlinkTargetNotExist = 404, "A symbolic link points to an object that does not exist.";
    NoSuchBucket = 404, "The bucket does not exist.";
    NoSuchKey = 404, "The object does not exist.";
    NoSuchUpload = 404, "The multipart upload does not exist.";
    NoSuchLifecycle = 404, "The bucket has no lifecycle configuration.",
        source = SdkTable, from = "aliyun/aliyun-oss-python-sdk: oss2/exceptions.py";
    NoSuchCORSConfiguration = 404, "The bucket has no CORS configuration.",
        source = SdkTable, from = "aliyun/aliyun-oss-python-sdk: oss2/exceptions.py";
    NoSuchWebsiteConfiguration = 404, "The bucket has no static-website configuration.",
        source = SdkTable, from = "aliyun/aliyun-oss-python-sdk: oss2/exceptions.py";
    NoSuchLiveChannel = 404, "The LiveChannel does not exist.",
        source = SdkTable, from = "aliyun/aliyun-oss-python-sdk: oss2/exceptions.py";
    NoSuchBucketPolicy = 404, "The bucket has no bucket policy.",
        source = SdkTable, from = "aliyun/aliyun-oss-python-sdk: oss2/exceptions.py";
    NoSuchInventory = 404, "The bucket has no inventory configuration with this id.",
        source = SdkTable, from = "aliyun/aliyun-oss-python-sdk: oss2/exceptions.py";
    NoSuchReplicationRule = 404, "The bucket has no replication rule with this id.",
        source = SdkTable, from = "aliyun/aliyun-oss-python-sdk: oss2/exceptions.py";
    NoSuchServerSideEncryptionRule = 404, "The bucket has no default server-side encryption rule.",
        source = SdkTable, from = "aliyun/aliyun-oss-python-sdk: oss2/exceptions.py";
    NoSuchWORMConfiguration = 404, "The bucket has no retention (WORM) policy.",
        source = SdkTable, from = "aliyun/aliyun-oss-python-sdk: oss2/exceptions.py";
    NoSuchTransferAccelerationConfiguration = 404, "The bucket has no transfer-acceleration configuration.",
        source = SdkTable, from = "aliyun/aliyun-oss-python-sdk: oss2/exceptions.py";
    NoSuchStyle = 404, "The bucket has no image style of this name.",
        source = SdkLiveTest, from = "aliyun/aliyun-oss-go-sdk: oss/client_test.go";
    NoSuchDataPipeline = 404, "The data pipeline named by the request does not exist.",
        source = SdkLiveTest, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_integration_test.go";

    MethodNotAllowed = 405, "The HTTP method is not allowed on this resource.";

    BucketAlreadyExists = 409, "The bucket name is already taken.";
    BucketNotEmpty = 409, "The bucket still holds objects or unfinished multipart uploads.";
    ObjectNotAppendable = 409, "AppendObject was used on an object that is not appendable.";
    PositionNotEqualToLength = 409, "The append position differs from the object's current length.";
    FileImmutable = 409, "The object is protected by a retention policy.";
    RestoreAlreadyInProgress = 409, "A restore of the archived object is already running.",
        source = SdkLiveTest, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_integration_test.go";
    ArchiveRestoreNotFinished = 409, "The archived object's restore has not finished yet.",
        source = SdkLiveTest, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_integration_test.go";
    ArchiveRestoreFileStale = 409, "The restored copy of the archived object has expired or was cleaned.",
        source = SdkLiveTest, from = "aliyun/alibabacloud-oss-python-sdk-v2: tests/integration/test_clean_restored_object_client.py";
    ChannelStillLive = 409, "The LiveChannel is still receiving a stream.",
        source = SdkTable, from = "aliyun/aliyun-oss-python-sdk: oss2/exceptions.py";
    LiveChannelDisabled = 409, "The LiveChannel is disabled.",
        source = SdkTable, from = "aliyun/aliyun-oss-python-sdk: oss2/exceptions.py";

    MissingContentLength = 411, "The request has neither Content-Length nor chunked encoding.";

    PreconditionFailed = 412, "A conditional header (If-Match, If-Unmodified-Since ...) did not hold.";

    InvalidRange = 416, "The requested range (or SelectObject split range) is not valid for the object.",
        source = SdkTable, from = "aliyun/aliyun-oss-java-sdk: src/main/java/com/aliyun/oss/OSSErrorCode.java (status: aliyun/aliyun-oss-go-sdk: oss/bucket_test.go)";

    DownloadTrafficRateLimitExceeded = 503, "Download traffic exceeds the bandwidth limit.";
    UploadTrafficRateLimitExceeded = 503, "Upload traffic exceeds the bandwidth limit.";
    MetaOperationQpsLimitExceeded = 503, "Management operations exceed the QPS limit.";
}

entries! {
    // ---- 203 -------------------------------------------------------------------------
    CallbackFailed: CallbackFailed, "Callback to application server failed, please check your callbackUrl."
        => "The callback parameters are wrong or the application server did not answer as OSS expects; check the callback JSON and that the server replies 200 with a JSON body.";
    CallbackImageInfoFailed: CallbackFailed, "Get image info failed."
        => "OSS could not read image information for ${imageInfo.*}, usually because the upload failed or the image was deleted; upload it again and check lifecycle rules.";
    CallbackTooManyRequests: CallbackFailed, "Too many callback requests."
        => "OSS is processing too many callbacks at once; retry the callback-bearing upload later.";
    CallbackTimeout: CallbackFailed, "Cost too long time."
        => "The application server took more than 5 seconds to answer; make its callback handler reply at once and do the work asynchronously.";
    CallbackResponseNotJson: CallbackFailed, "Response body is not valid json format.", ec = "0007-00000205"
        => "The application server's reply body is not JSON (a plain 'OK', an HTML error page or a UTF-8 BOM); reply with a bare JSON document and Content-Type: application/json.";
    CallbackResponseTooLong: CallbackFailed, "Error Status : 400.User server return too long content-length value."
        => "The application server's reply is larger than OSS accepts (1 MB) or has no Content-Length; send a small JSON reply with a Content-Length header.";
    CallbackConnectFailed: CallbackFailed, "Error Status : -1.OSS can not connect to your callbackUrl, please check it."
        => "OSS could not reach callbackUrl; check that the server is running, listens on a public address and port, and that its firewall admits OSS.";
    /// The same failure as [`Entry::CallbackConnectFailed`], as spelled in the callback troubleshooting page.
    CallbackConnectFailedSpaced: CallbackFailed, "Error status : -1. OSS can not connect to your callbackUrl, please check it."
        => "OSS could not reach callbackUrl or timed out waiting for it; check that the server is up and publicly reachable, and that it answers within 5 seconds.";
    CallbackMissingContentLength: CallbackFailed, "Error Status : 400.User server missing content-length."
        => "The application server replied without a Content-Length header; set Content-Length on the callback reply instead of using chunked encoding.";
    CallbackInvalidContentLength: CallbackFailed, "Error Status : 400.User server return invalid conent-length value."
        => "The application server's Content-Length is missing or not a positive integer; send the exact byte length of the JSON reply.";
    /// The timeout example of the troubleshooting page; the address and timings vary per request.
    CallbackReplyTimeout: CallbackFailed, "error status:-1 8.8.8.8: 9090 reply timeout, cost: 5000 MS, timeout: 5000 MS (Ernest-4, errno170)"
        => "The application server did not answer within 5 seconds; reply to OSS first and do slow work asynchronously.";
    /// A template: OSS puts the application server's HTTP status in place of `<N>`; build it
    /// with [`Error::with_status`](crate::Error::with_status).
    CallbackErrorStatus: CallbackFailed, "Error status : <N>.", ec = "0007-00000203"
        => "The application server answered with this HTTP status instead of 200 (502 usually means nothing listens at callbackUrl); fix the server so it returns 200 with a JSON body.";

    // ---- 400: names and generic request errors ----------------------------------------
    BucketNameInvalid: InvalidBucketName, "The specified bucket is not valid"
        => "Bucket names are 3 to 63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or digit; rename the bucket accordingly.";
    ObjectNameEmpty: InvalidObjectName, "The Object name can not be empty"
        => "The request has no object key; give the object a name of 1 to 1023 bytes.";
    ObjectNameTooLong: InvalidObjectName, "The Length of Object name must be less than 1024"
        => "The object key is 1024 bytes or longer in UTF-8; shorten it to at most 1023 bytes.";
    ObjectNameInvalid: InvalidObjectName, "The specified object is not valid"
        => "The object key is not valid UTF-8, or starts with '/' or '\\'; use a UTF-8 key of 1 to 1023 bytes that starts with neither.";
    TooManyBuckets: TooManyBuckets, "You have attempted to create more buckets than allowed"
        => "The account reached its bucket quota in this region (100 by default); reuse or delete a bucket, or ask for a higher quota.";
    RequestIsNotMultiPartContent: RequestIsNotMultiPartContent, "Bucket POST must be of the enclosure-type multipart/form-data"
        => "A PostObject request needs Content-Type: multipart/form-data; boundary=...; send the form as multipart rather than urlencoded or raw.";
    RequestTimeout: RequestTimeout, "Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed"
        => "The client stopped sending or reading data for too long; check the network path, proxies and client timeouts, then retry.";
    NotImplemented: NotImplemented, "A header you provided implies functionality that is not implemented"
        => "The request carries a header or parameter OSS does not support for this operation (the <Header> element names it); remove it.";
    MissingArgument: MissingArgument, "Missing Some Required Arguments"
        => "A parameter the operation requires is absent; compare the request with the operation's API reference and add it.";

    // ---- 400: InvalidArgument ----------------------------------------------------------
    ArgumentInvalid: InvalidArgument, "Invalid Argument. Parameter is invalid"
        => "A parameter has the wrong format; <ArgumentName> and <ArgumentValue> in the error body say which one.";
    /// The same message as [`Entry::ArgumentInvalid`], as the status table spells it.
    ArgumentInvalidTable: InvalidArgument, "Invalid Argument Parameter is invalid."
        => "A parameter has the wrong format; <ArgumentName> and <ArgumentValue> in the error body say which one.";
    CallbackSignatureVersionInvalid: InvalidArgument, "The callback signature version is invalid"
        => "The callback asks for a signature version OSS does not know; use version 1.0 or 2.0.";
    CopySourceInvalid: InvalidArgument, "Copy Source must mention the source bucket and key: /sourcebucket/sourcekey"
        => "x-oss-copy-source must be /bucket/key (URL-encoded); add the leading slash and both parts.";
    KmsKeyIdWithoutKms: InvalidArgument, "KMSMasterKeyID is not applicable if the default sse algorithm is not KMS"
        => "A KMS key id was given while the bucket's default encryption is AES256; drop the key id or switch the algorithm to KMS.";
    /// One seed message covering two cases (a KMS key id, or SM4); kept whole, as sent.
    KmsOrSm4NotWhitelisted: InvalidArgument, "KMSMasterKeyID is not applicable if user is not in white list or SM4 is not applicable if user is not in white list"
        => "This caller may not choose a KMS key or use SM4 encryption; configure encryption as the bucket owner or an authorised RAM user.";
    StorageClassInvalid: InvalidArgument, "No such bucket storage class exists"
        => "The storage class is not one OSS knows; use Standard, IA, Archive, ColdArchive or DeepColdArchive.";
    VersionIdInvalid: InvalidArgument, "Invalid version id specified"
        => "The versionId does not belong to this object or is malformed; list the object's versions and use one of them.";
    VersionIdEmpty: InvalidArgument, "Version id can not be the empty string"
        => "The versionId parameter is present but empty; give a real version id or leave the parameter out.";
    AuthorizationInvalid: InvalidArgument, "Authorization header is invalid"
        => "The Authorization header is neither 'OSS AccessKeyId:Signature' (V1) nor 'OSS4-HMAC-SHA256 Credential=..., Signature=...' (V4); rebuild it with an SDK or `oss-doctor sign`.";
    AuthorizationBadItemCount: InvalidArgument, "Authorization header is invalid, bad num of Items in Authorization header"
        => "The Authorization header has the wrong number of parts; it must be 'OSS ' followed by AccessKeyId, a colon and the signature.";
    AuthorizationMissingKeyOrSignature: InvalidArgument, "AccessKeyId or Signature is missing in Authorization header value"
        => "One side of 'AccessKeyId:Signature' is empty; send both the AccessKey ID and the computed signature.";
    AuthorizationEmpty: InvalidArgument, "Authorization header value is empty"
        => "The Authorization header is present but empty; sign the request or drop the header for anonymous access.";
    AuthorizationUnknownParameter: InvalidArgument, "Unknown parameter in Authorization header"
        => "The Authorization header carries a field OSS does not recognise; check the signature version and its field names.";
    SignatureInQueryAndHeader: InvalidArgument, "Either the Signature query string parameter or the Authorization header should be specified, not both"
        => "The request is signed twice, in the URL and in the Authorization header; keep only one of them.";
    PostAccessKeyIdEmpty: InvalidArgument, "Post request accessKeyId is empty"
        => "A signed PostObject form lacks OSSAccessKeyId; when policy or Signature is present, send all three fields.";
    PostSignatureEmpty: InvalidArgument, "Post request signature is empty"
        => "A signed PostObject form lacks Signature; sign base64(policy) with the AccessKey secret and send it.";
    DateInvalid: InvalidArgument, "OSS authentication requires a valid Date", ec = "0002-00000503"
        => "The request has no usable Date (or x-oss-date); send the current time: V1 as a Date in RFC 1123 GMT form, e.g. 'Sun, 22 Nov 2015 08:16:38 GMT'; V4 as x-oss-date in YYYYMMDDTHHMMSSZ form, e.g. '20151122T081638Z'.";
    PostMissingField: InvalidArgument, "The bucket POST must contain the specified field name"
        => "A PostObject form field is malformed or a required one is missing; compare the form with the PostObject reference.";
    PostUnrecognizedField: InvalidArgument, "The bucket POST contains unrecognized field name"
        => "The file part carries headers other than Content-Type; keep only Content-Disposition and Content-Type on the file part.";
    PostMissingKey: InvalidArgument, "The bucket POST must contain the specified 'key'. If it is specified, please check the order of the fields"
        => "The form has no key field, or key comes after file; send key before the file field.";
    PostBodyTooLarge: InvalidArgument, "Post body size must be less than 5G"
        => "The PostObject body exceeds 5 GB; use multipart upload for larger objects.";
    CallbackNotBase64: InvalidArgument, "The callback configuration is not base64 encoded", argument = "callback", ec = "0007-00000002"
        => "The callback parameter is not valid base64; base64-encode the callback JSON (standard alphabet, with padding).";
    CallbackNotJson: InvalidArgument, "The callback configuration is not json format", argument = "callback", ec = "0007-00000003"
        => "The decoded callback is not valid JSON, most often because quotes inside callbackBody are not escaped as \\\"; fix the JSON before encoding it.";
    CallbackUrlInvalid: InvalidArgument, "The callback url configuration is invalid", argument = "callback"
        => "callbackUrl is missing or malformed (for example a non-numeric port); give one to five http(s) URLs separated by ';'.";
    CallbackHostInvalid: InvalidArgument, "The callback host configuration is invalid", argument = "callback", ec = "0007-00000009"
        => "callbackHost is not a string; give a host name or IP as a JSON string, or leave it out to use callbackUrl's host.";
    /// One seed message covering two cases (not a string, or a type OSS cannot send);
    /// kept whole, as sent.
    CallbackBodyTypeInvalid: InvalidArgument, "The callback body type configuration is invalid, or The body type of callback is not supported", argument = "callback", ec = "0007-00000012"
        => "callbackBodyType is not a string or names a type OSS cannot send; use \"application/x-www-form-urlencoded\" or \"application/json\".";
    CallbackUrlTooMany: InvalidArgument, "The number of callback url exceed max value", argument = "callback", ec = "0007-00000005"
        => "callbackUrl lists more than five URLs; keep at most five, separated by ';'.";
    PersistentHeaderValueNotUtf8: InvalidArgument, "The header value specified by persistent header is not utf-8 encoded"
        => "A decoded x-oss-persistent-headers value is not UTF-8; encode the value as UTF-8 before base64.";
    PersistentHeaderValueMismatch: InvalidArgument, "The header value specified by persistent header is not equal to reqeust header value"
        => "A persistent header repeats a request header with a different value; make both values equal or drop one.";
    PersistentHeaderValueHasCrLf: InvalidArgument, "The header value specified by persistent header contains CR or LF"
        => "A decoded persistent header value contains a line break; remove CR and LF from the value.";
    CallbackInQueryAndHeader: InvalidArgument, "Either the callback query string parameter or the x-oss-callback header should be specified, not both", argument = "callback", ec = "0007-00000027"
        => "The callback is given both in the URL and in x-oss-callback; send it in only one place.";
    CallbackVarInQueryAndHeader: InvalidArgument, "Either the callback-var query string parameter or the x-oss-callback-var header should be specified, not both", argument = "callback-var"
        => "The callback variables are given both in the URL and in x-oss-callback-var; send them in only one place.";
    TrafficLimitInQueryAndHeader: InvalidArgument, "x-oss-traffic-limit should be specified either in query string or header, not both", argument = "x-oss-traffic-limit"
        => "The traffic limit is given both in the URL and as a header; keep only one.";
    TrafficLimitOutOfRange: InvalidArgument, "x-oss-traffic-limit is invalid, should be specified between 819200(100KB/s) and 838860800(100MB/s)", argument = "x-oss-traffic-limit"
        => "x-oss-traffic-limit is in bit/s and must lie between 819200 and 838860800; pick a value in that range.";
    /// One seed message covering two cases (a malformed list, or a value that is not
    /// base64); kept whole, as sent.
    PersistentHeaderInvalid: InvalidArgument, "The format of persistent header is invalid, should be \\\"name:Base64Encode(value),name:Base64Encode(value)...\\\", or The header value specified by persistent header is not base64 encoded"
        => "x-oss-persistent-headers must be a comma-separated list of name:base64(value); check the separators and that every value is valid base64.";
    TaggingHeaderInvalid: InvalidArgument, "The header 'x-oss-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates"
        => "x-oss-tagging must be a URL-encoded query string (k1=v1&k2=v2) of at most 10 tags with unique keys; encode keys and values and remove duplicates.";
    PersistentHeaderReserved: InvalidArgument, "The header specified by persistent header is reserved"
        => "A persistent header uses a reserved name such as Host, Content-MD5, Origin or Range; choose another name.";
    PersistentHeaderNameInvalid: InvalidArgument, "The header specified by persistent header is not valid HTTP token"
        => "A persistent header name has characters an HTTP token may not contain; use only RFC 7230 token characters.";
    CallbackHostNotResolved: InvalidArgument, "Can not get ip by this host", ec = "0007-00000007"
        => "The callback host name does not resolve; use a host with a public DNS record or a public IP address.";
    CallbackPrivateAddress: InvalidArgument, "Private address is forbidden to callback", argument = "callbackUrl", ec = "0007-00000008"
        => "callbackUrl resolves to a private or loopback address; point it at a publicly reachable address.";
    CallbackTooLong: InvalidArgument, "The length of callback exceed max value", argument = "callback", ec = "0007-00000001"
        => "The base64-encoded callback exceeds 5 KB; shorten callbackBody or move data into callback variables.";
    CallbackBodyEmpty: InvalidArgument, "The callback body is empty", argument = "callback", ec = "0007-00000011"
        => "callbackBody is missing or empty; give the body template OSS should send, e.g. bucket=${bucket}&object=${object}.";
    CallbackBodyInvalid: InvalidArgument, "The callback body is invalid", argument = "callback"
        => "callbackBody is not a string or its variables are malformed; write variables as ${name} or ${x:name}.";
    CallbackVarTooLong: InvalidArgument, "The length of callback var exceed max value", argument = "callback-var", ec = "0007-00000101"
        => "The base64-encoded callback-var exceeds 5 KB; send fewer or shorter custom variables.";
    CallbackVarNotJson: InvalidArgument, "The callback var is not expecten json", argument = "callback-var", ec = "0007-00000103"
        => "The decoded callback-var is not a flat JSON object of strings; send {\"x:name\":\"value\",...} with lowercase x: keys.";
    DateTooEarly: InvalidArgument, "Invalid date. Must be later than 1970-01-01 00:00:00"
        => "A timestamp lies before the Unix epoch; send a time after 1970-01-01.";
    DateInFuture: InvalidArgument, "Invalid date. Cannot be later than the current time"
        => "A timestamp lies in the future; send a time no later than now and check the client clock.";
    DateFormatInvalid: InvalidArgument, "Bad date format"
        => "A date is not in RFC 1123 form; format it like 'Sun, 06 Nov 1994 08:49:37 GMT'.";
    VersioningStatusMissing: InvalidArgument, "The Versioning element must be specified"
        => "The VersioningConfiguration has no Status; add <Status>Enabled</Status> or <Status>Suspended</Status>.";

    // ---- 400: other codes -------------------------------------------------------------
    TagKeysRepeated: RepeatedTags, "Tag keys must be unique"
        => "Two tags in the request share a key; merge or rename them so every key appears once.";
    HostInvalidForPutBucket: InvalidHostPutBucket, "Your host is invalid. Please put bucket use Open Storage Service standard host"
        => "PutBucket went to a custom or malformed host; send it to the region endpoint, e.g. bucket.oss-cn-hangzhou.aliyuncs.com.";
    EncryptionAlgorithmInvalid: InvalidEncryptionAlgorithmError, "The encryption algorithm specified is not valid"
        => "x-oss-server-side-encryption has an unknown value; use AES256, KMS or SM4.";
    /// The 400 page's heading, one message covering two spellings; the status table's
    /// first half is [`Entry::EncryptionAlgorithmInvalid`].
    EncryptionAlgorithmOrRequestInvalid: InvalidEncryptionAlgorithmError, "The encryption algorithm specified is not valid or The Encryption request you specified is not valid. Supported value: AES256/SM4/KMS."
        => "x-oss-server-side-encryption has an unknown value; use AES256, SM4 or KMS.";
    DataEncryptionAlgorithmInvalid: InvalidDataEncryptionAlgorithmError, "The KMS Data Encryption request you specified is not valid. Supported value:SM4"
        => "x-oss-server-side-data-encryption has an unsupported value; with KMS only SM4 is accepted.";
    KmsKeyIdInvalid: InvalidParameter, "The specified parameter KMS keyId is not valid"
        => "The KMS key id is malformed or not visible to the caller; give a valid CMK id from the same region.";
    WormConfigurationInvalid: InvalidWORMConfiguration, "Invalid WORM Configuration"
        => "The retention policy is malformed; send InitiateWormConfiguration with a RetentionPeriodInDays value.";
    InventoryLimitExceeded: InventoryExceedLimit, "You are not allowed to create more inventory than limit"
        => "The bucket has the maximum number of inventory configurations (1000); delete one or ask for a higher limit.";
    DailyInventoryLimitExceeded: DailyInventoryExceedLimit, "daily inventory object count exceed limit"
        => "The bucket holds too many objects (10 billion or more) for a daily inventory; use a weekly inventory instead.";
    WeeklyInventoryLimitExceeded: WeeklyInventoryExceedLimit, "weekly inventory object count exceed limit"
        => "The bucket holds too many objects (50 billion or more) for a weekly inventory; split the inventory by prefix.";
    CorsOriginMissing: BadRequest, "Insufficient information. Origin request header needed"
        => "A CORS preflight request has no Origin header; send the Origin of the page making the request.";
    CorsMethodMissing: BadRequest, "Insufficient information. Request Access-Control-Request-Method header neede"
        => "A CORS preflight request has no Access-Control-Request-Method; send the method the real request will use.";
    TaggingKeyInvalid: InvalidTaggingKey, "The tagging key you provided is invalid"
        => "An object tag key is empty, too long (over 128 characters) or uses forbidden characters; use letters, digits, spaces and + - = . _ : /.";
    CnameLimitExceeded: TooManyCname, "You have attempted to create more cname than allowed"
        => "The bucket has the maximum number of custom domains (100); remove one or ask for a higher limit.";
    ChannelNameTooLong: InvalidChannelName, "The Length of channel name must be less than 64"
        => "The LiveChannel name is too long; use 1 to 63 bytes.";
    ChannelNameEmpty: InvalidChannelName, "ChannelName must not be empty"
        => "The LiveChannel name is empty; give a name of 1 to 63 bytes.";
    ChannelNameNotUtf8: InvalidChannelName, "The characters encoding must be utf-8"
        => "The LiveChannel name is not valid UTF-8; encode it as UTF-8.";
    ChannelNameHasSlash: InvalidChannelName, "ChannelName must not contain a slash"
        => "The LiveChannel name contains '/' or '\\'; remove the slashes.";
    /// The first, cut-short spelling the 400 page gives for [`Entry::PartNotFound`].
    PartNotFoundShort: InvalidPart, "One or more of the specified parts could not be found or the specified entity"
        => "A part in the CompleteMultipartUpload list was never uploaded or its ETag differs; list the parts and send their real numbers and ETags.";
    PartsNotAscending: InvalidPartOrder, "The list of parts was not in ascending order"
        => "The parts of CompleteMultipartUpload must be sorted by PartNumber; sort the list ascending (gaps are fine).";
    CompletePartNumberOutOfRange: InvalidPartOrder, "Part number must be an integer between 1 and 10000, inclusive"
        => "A PartNumber in the CompleteMultipartUpload list is outside 1..=10000; use part numbers from 1 to 10000.";
    PartDeleted: FilePartNotExist, "The Part you read had been deleted"
        => "A referenced part no longer exists (aborted upload or deleted part); upload the part again before completing.";
    XmlFormatInvalid: InvalidXMLFormat, "The XML you provided was not well-formed"
        => "The configuration body is not well-formed XML; check tags, nesting and escaping of & and <.";
    AnonymousResponseHeaders: InvalidRequest, "Request specific response headers cannot be used for anonymous GET requests"
        => "response-* override parameters need a signed request; sign the GET or drop the response-* parameters.";
    SecurityTokenNotInQuery: InvalidRequest, "Security-token must be provided by query string parameter"
        => "A URL signed with STS credentials lacks security-token; add security-token to the query string and sign it.";
    PlaylistTooBig: InvalidRequest, "Size of playlist is too big"
        => "The playlist exceeds 1 MB; shorten it.";
    PlaylistHasNoTs: InvalidRequest, "No ts found in the playlist"
        => "The playlist lists no TS segments yet; push the stream first so segments exist.";
    PlaylistNameInvalid: InvalidRequest, "Playlist name must ends with \\\".m3u8\\\""
        => "The playlist name must end with .m3u8 and be 6 to 128 characters long; rename it.";
    MasterPlaylistHasTs: InvalidRequest, "Master playlist has ts file"
        => "A master playlist may list only M3U8 playlists, not TS segments; split it into a master and media playlists.";
    PostPreDataTooLarge: MaxPOSTPreDataLengthExceededError, "Your POST request fields preceding the upload file were too large", ec = "0006-00000112"
        => "The form fields before the file part are too large; keep them small and put the file field last.";
    PipesLimitExceeded: TooManyPipes, "Maximal number of pipes supported is", open_ended = true
        => "The image-processing chain has too many operations; split the processing into fewer steps.";
    FormFieldTooLong: FieldItemTooLong, "Your name of form field is too long"
        => "A PostObject form field (other than file) is too long; keep form fields under the documented limit (4 KB in the older docs).";
    PostBodyMalformed: MalformedPOSTRequest, "The body of your POST request is not well-formed multipart/form-data"
        => "The multipart body does not follow the boundary from Content-Type, or a part header is malformed; rebuild the form with CRLF line ends and matching boundaries.";
    PolicySimpleConditionInvalid: InvalidPolicyDocument, "Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified"
        => "A map condition in the policy has zero or several keys; write each {\"field\":\"value\"} condition with exactly one key.";
    PolicyJsonUnknownChar: InvalidPolicyDocument, "Invalid Policy: Invalid JSON: unknown char e"
        => "The policy is not valid JSON (often unquoted strings or bad escapes); quote every string and escape backslashes.";
    PolicyJsonListExpected: InvalidPolicyDocument, "Invalid Policy: Invalid JSON: , or ] expected"
        => "The policy JSON has a missing comma or closing bracket; check the conditions array syntax.";
    PolicyDocumentInvalid: InvalidPolicyDocument, "Invalid policy document, please check."
        => "The policy form field cannot be decoded or parsed; base64-encode a JSON policy with expiration and conditions.";
    PostFileCount: IncorrectNumberOfFilesInPOSTRequest, "POST requires exactly one file upload per request"
        => "The form has no file field or several; send exactly one file field, as the last field.";
    UploadTooSmall: EntityTooSmall, "Your proposed upload smaller than the minimum allowed size"
        => "The upload is below the minimum, e.g. a policy content-length-range or the 100 KB minimum for non-last multipart parts; send more data or relax the limit.";
    UploadTooLarge: EntityTooLarge, "Your proposed upload exceeds the maximum allowed size"
        => "The upload exceeds a limit such as the policy content-length-range or 5 GB for a single PUT; raise the range or use multipart upload.";
    CopySourceTooLarge: EntityTooLarge, "Source object Length exceeds the maximum allowed size."
        => "The copy source is larger than CopyObject allows (1 GB); use UploadPartCopy to copy it in parts.";
    /// The 400 page's heading, one message covering an upload or a copy source; the status
    /// table gives each half as a row of its own ([`Entry::UploadTooLarge`],
    /// [`Entry::CopySourceTooLarge`]).
    UploadOrCopySourceTooLarge: EntityTooLarge, "Your proposed upload exceeds the maximum allowed size or Source object Length exceeds the maximum allowed size."
        => "The upload exceeds a limit (the policy content-length-range, 5 GB for a single PUT) or the copy source exceeds what CopyObject allows (1 GB); use multipart upload or UploadPartCopy.";
    XmlMalformed: MalformedXML, "The XML you provided was not well-formed or did not validate against our published schema"
        => "The XML body is malformed or does not follow the operation's schema; compare it with the API reference example.";
    ReplicationRuleMissing: NoReplicationRule, "No replication rule specified"
        => "The request names no replication rule; create one first or give the id of an existing rule.";
    ReplicationRuleLimit: TooManyReplicationRules, "OSS only support one replication rule now"
        => "The bucket already has a replication rule; delete it before creating another.";
    ReplicationVersioningMismatch: InvalidBucketStatus, "The src and dest bucket must be versioning enabled when drs tagging rule exist"
        => "Replication with tag rules needs versioning on both buckets; enable versioning on source and target.";
    ReplicationTargetInvalid: InvalidTargetBucket, "The target bucket is invalid for bucket replication"
        => "The replication target bucket cannot be used; check its region against GetBucketReplicationLocation.";
    ReplicationTargetWrongRegion: InvalidTargetLocation, "The target bucket you specified does not locate in the target location"
        => "The target bucket is not in the region named by the rule; correct the region or the bucket.";
    ReplicationLocationInvalid: BadReplicationLocation, "The replication location you choose is invalid"
        => "The target region of the rule does not exist; use a region from GetBucketReplicationLocation.";
    ReplicationLocationNone: NoReplicationLocation, "The bucket does not have corresponding replication location"
        => "No target region is available for this source region; check GetBucketReplicationLocation.";
    ReplicationExists: BucketReplicationAlreadyExist, "Bucket replication already exists"
        => "A replication rule already links these buckets; delete it before adding a new one.";
    IncomingReplicationLimit: TooManyIncomingReplication, "You have attempted to create more incoming replication for bucket than allowed"
        => "The target bucket already receives the maximum number of replication rules (100); remove one or ask for a higher limit.";
    OutgoingReplicationLimit: TooManyOutgoingReplication, "You have attempted to create more outgoing replication for bucket than allowed"
        => "The source bucket already has the maximum number of replication rules (100); remove one or ask for a higher limit.";
    CorsRuleLimit: CORSRuleBeyondLimit, "The CORS Rules num is beyond limit"
        => "The bucket may have at most 10 CORS rules; merge or remove rules.";
    BucketTagLimit: TooManyTags, "The bucket tags num is beyond limit"
        => "A bucket may have at most 20 tags; remove some.";
    ReplicationPrefixLimit: TooManyPrefixes, "The bucket replication rule's prefixes number is beyond limit"
        => "A replication rule may list at most 10 prefixes; shorten the list.";
    ReplicationTagFilterLimit: TooManyFilterObjectTags, "The bucket replication rule's filter object tags number is beyond limit"
        => "A replication rule may filter on at most 10 object tags; shorten the list.";
    ContentMd5Invalid: InvalidDigest, "The Content-MD5 you specified was invalid"
        => "Content-MD5 is not the base64 of the body's 16-byte MD5 digest (hex is a common mistake); recompute it over the exact bytes sent.";
    Crc64Mismatch: InvalidCRC64, "The x-oss-hash-crc64ecma you specified does not match what we calculated"
        => "The body was altered in transit or the client computed CRC-64/XZ over different bytes; retry and check the CRC implementation.";
    InlineDataTooLarge: InlineDataTooLarge, "Inline data exceeds the maximum allowed size"
        => "The object exceeds the size limit of this upload method (5 GB for simple, form and append uploads); use multipart upload.";
    ImageTooLarge: ImageTooLarge, "Maximal size of image supported is", open_ended = true
        => "The source image exceeds the image-processing limits (20 MB, 30000 px per side); process a smaller image.";
    BodyIncomplete: IncompleteBody, "You did not provide the number of bytes specified by the Content-Length HTTP header"
        => "The connection closed before Content-Length bytes arrived; send exactly the declared number of bytes.";
    KmsNotEnabled: KmsServiceNotEnabled, "This user does not turn on KMS service"
        => "KMS encryption was requested but KMS is not activated; activate KMS or use AES256.";
    OperationNotSupported: OperationNotSupported, "The operation is not supported for this resource", ec = "0016-00000702"
        => "The operation does not apply to this kind of object (e.g. restoring a Standard object or archiving an appendable one); check the object type and storage class.";
    NotSymlink: NotSymlink, "The object is not symlink"
        => "GetSymlink was called on a normal object; call it only on symbolic links.";
    /// One seed message covering a bad key or a bad value; kept whole, as sent.
    TagKeyOrValueInvalid: InvalidTag, "The TagKey you have provided is invalid, or The TagValue you have provided is invalid"
        => "A bucket tag key is empty, longer than 64 characters or starts with http://, https:// or Aliyun, or a value is longer than 128 characters or not UTF-8; fix the tag.";
    ClientEncryptionImmutable: InvalidEncryptionRequest, "The parameters of client encryption are allowed to be set once"
        => "Client-side-encryption metadata cannot be changed after upload; do not rewrite it with CopyObject.";
    ClientEncryptionMetaMissing: InvalidEncryptionRequest, "Miss some necessary client encryption meta parameters"
        => "A client-side-encryption header (key, start, cek-alg, wrap-alg) is missing; send all of them.";
    ClientEncryptionTooManyParts: InvalidEncryptionRequest, "The parts count calculated by client encryption meta is too large"
        => "data-size / part-size gives more than 10000 parts; choose a larger part size.";
    ClientEncryptionSizeInvalid: InvalidEncryptionRequest, "The client encryption meta data_size or part_size is invalid"
        => "The data-size or part-size header is not a valid positive integer (part size must be a multiple of 16); fix the values sent at initiation.";
    ClientEncryptionPartListUnexpected: InvalidEncryptionRequest, "The client encryption part list is unexpected with init_multipart setted"
        => "The uploaded parts do not match the part count declared at initiation; upload every declared part.";
    ClientEncryptionPartIdTooLarge: InvalidEncryptionRequest, "The partId must less or equal to expectedPartNumber"
        => "The part number exceeds the part count implied by data-size and part-size; keep part numbers within that count.";
    ClientEncryptionPartSizeMismatch: InvalidEncryptionRequest, "The partSize must same with init_multipart setted except last part"
        => "A non-last part differs from the part size declared at initiation; make every non-last part exactly that size.";
    ClientEncryptionLastPartMismatch: InvalidEncryptionRequest, "The last partSize must same with init_multipart setted"
        => "The parts do not add up to the data size declared at initiation; size the last part to the remainder.";
    ClientEncryptionMetaInconsistent: InvalidEncryptionRequest, "The client encryption meta is inconsistent with init_multipart setted"
        => "The encryption headers of a part differ from those sent at initiation; send the same values on every request.";
    ClientEncryptionNoPartCopy: InvalidEncryptionRequest, "Client encryption doesn't support upload part copy"
        => "UploadPartCopy cannot be used with client-side encryption; download, encrypt and upload the part instead.";
    UserKeyMissing: UserKeyMustBeSpecified, "User key must be specified"
        => "A DeleteMultipleObjects entry has an empty <Key>; give every entry an object key.";
    LoggingTargetNotOwned: InvalidTargetBucketForLogging, "Put bucket log requester is not target bucket owner"
        => "The log target bucket does not exist or belongs to someone else; choose a bucket you own in the same region.";
    PartNotFound: InvalidPart, "One or more of the specified parts could not be found or the specified entity tag might not have matched the part's entity tag"
        => "A part in the CompleteMultipartUpload list was never uploaded or its ETag differs; list the parts and send their real numbers and ETags.";
    SymlinkTargetIsSymlink: InvalidTargetType, "The symbolic's target file type is invalid"
        => "The symbolic link points to another symbolic link; point it at a normal object.";
    /// OSS also sends this message without the leading code name; recognition accepts both.
    AccessKeyIdMissing: MissingAccessKeyId, "MissingAccessKeyId AccessKeyId is mandatory for this action"
        => "The request has no AccessKey ID; sign it with your credentials.";

    // ---- 403 --------------------------------------------------------------------------
    AccessDenied: AccessDenied, "AccessDenied"
        => "The caller lacks permission for this operation; check the RAM policy, bucket policy and ACL.";
    /// A presigned URL (V1 `Expires`, V4 `x-oss-date` + `x-oss-expires`) used after its
    /// expiry; OSS adds `<Expires>` and `<ServerTime>`.
    RequestExpired: AccessDenied, "Request has expired.",
        source = PublishedResponse, from = "johnlui/AliyunOSS: issue #20 (the body of a live response, 2017)"
        => "The presigned URL is past its expiry; presign it again (and check the clock of the machine that signed it).";
    /// From the error-body example of the status-table page.
    QueryAuthIncomplete: AccessDenied, "Query-string authentication requires the Signature, Expires and OSSAccessKeyId parameters"
        => "A presigned URL carries only some of OSSAccessKeyId, Expires and Signature; send all three (or none, for anonymous access).";
    AccessKeyIdDisabled: InvalidAccessKeyId, "The OSS Access Key Id you provided is disabled."
        => "The AccessKey is disabled; enable it in the RAM console or use another key.";
    AccessKeyIdUnknown: InvalidAccessKeyId, "The OSS Access Key Id you provided does not exist in our records.", ec = "0002-00000902"
        => "OSS does not know this AccessKey ID (deleted key, typo, or STS id used without its token); check the id and credentials in use.";
    AccessKeyIdBadChars: InvalidAccessKeyId, "The OSS Access Key Id contains non-acceptable characters, which accepts only alphanumeric characters[0-9a-zA-Z] and several special characters[. _=]"
        => "The AccessKey ID contains characters an id cannot have, often stray whitespace or quotes; trim it.";
    SignatureDoesNotMatch: SignatureDoesNotMatch, "The request signature we calculated does not match the signature you provided."
        => "The string-to-sign or the secret differs from OSS's; compare StringToSign (and, for V4, CanonicalRequest) in the error body with yours (headers, resource, sub-resources, the V4 region and day) and check the secret.";
    RequestTimeTooSkewed: RequestTimeTooSkewed, "The difference between the request time and the current time is too large.", ec = "0002-00000504"
        => "The Date or x-oss-date is more than 15 minutes away from OSS's clock; sync the client clock (NTP) and sign with the current time.";
    ImageDamaged: ImageDamage, "The image file may be damaged."
        => "The image is truncated or corrupt; upload an intact copy.";
    UserDisabled: UserDisable, "UserDisable"
        => "The account is suspended, for example for overdue payment or a security review; settle the account or contact support.";
    CorsNotAllowed: AccessForbidden, "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Requet-Headers are not whitelisted by the resource's CORS spec."
        => "No CORS rule of the bucket allows this origin, method or header; add a matching rule.";
    ObjectStateInvalid: InvalidObjectState, "The operation is not valid for the object's state."
        => "The object is archived and not (yet) restored; call RestoreObject and wait until it completes.";

    // ---- 404 --------------------------------------------------------------------------
    SymlinkTargetMissing: SymlinkTargetNotExist, "The symlink target object does not exist."
        => "The symbolic link's target is gone; recreate the target or repoint the link.";
    NoSuchBucket: NoSuchBucket, "The specified bucket does not exist.", ec = "0015-00000101"
        => "The bucket name or region is wrong, or the bucket was deleted; check the name and the endpoint.";
    NoSuchKey: NoSuchKey, "The specified key does not exist.", ec = "0026-00000001"
        => "No object has this key (typo, wrong bucket, deleted by lifecycle or another user, or upload never completed); check the key and list the prefix.";
    NoSuchUpload: NoSuchUpload, "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed."
        => "The UploadId is wrong, or the multipart upload was already completed or aborted; start a new upload or use the right id.";

    // ---- 405 --------------------------------------------------------------------------
    MethodNotAllowed: MethodNotAllowed, "The specified method is not allowed against this resource.", ec = "0003-00000016"
        => "The HTTP method is not supported on this resource; use the method the API reference gives.";

    // ---- 409 --------------------------------------------------------------------------
    BucketAlreadyExists: BucketAlreadyExists, "The requested bucket name is not available.", ec = "0015-00000104"
        => "Bucket names are global and this one is taken; choose another name.";
    BucketNotEmpty: BucketNotEmpty, "The bucket you tried to delete is not empty.", ec = "0015-00000301"
        => "The bucket still holds objects, versions, parts or LiveChannels; delete them all before the bucket.";
    ObjectNotAppendable: ObjectNotAppendable, "The object is not appendable."
        => "AppendObject works only on appendable objects; write to a new key or overwrite the object with AppendObject at position 0 after deleting it.";
    PositionNotEqualToLength: PositionNotEqualToLength, "Position is not equal to file length.", ec = "0026-00000016"
        => "The append position is not the current length; take x-oss-next-append-position from the last reply (or HEAD the object) and retry.";
    FileImmutable: FileImmutable, "The object you specified is immutable."
        => "A retention (WORM) policy protects the object; wait until the retention period ends.";

    // ---- 411, 412 ---------------------------------------------------------------------
    MissingContentLength: MissingContentLength, "You must provide the Content-Length HTTP header."
        => "The upload has no Content-Length and is not chunked; send Content-Length or use chunked transfer encoding.";
    PreconditionFailed: PreconditionFailed, "At least one of the pre-conditions you specified did not hold."
        => "If-Match or If-Unmodified-Since did not hold for the current object; fetch the current ETag and time and retry.";

    // ---- 503 --------------------------------------------------------------------------
    DownloadTrafficLimited: DownloadTrafficRateLimitExceeded, "Please reduce your upload request traffic."
        => "Download bandwidth exceeds the account's limit (5 Gbit/s by default); back off and retry, or ask for a higher limit.";
    UploadTrafficLimited: UploadTrafficRateLimitExceeded, "Please reduce your upload request traffic."
        => "Upload bandwidth exceeds the account's limit (5 Gbit/s by default); back off and retry, or ask for a higher limit.";
    MetaQpsLimited: MetaOperationQpsLimitExceeded, "Qps limit for the meta operation is exceeded."
        => "Too many management calls (ListBuckets, PutBucket, CORS, LiveChannel ...) per second; retry after a few seconds with backoff.";

    // ---- from the reference notes (not in the seeds) ----------------------------------
    /// `UploadPart` with a part number outside 1..=10000 (EC page 0017-00000220).
    PartNumberOutOfRange: InvalidArgument, "Part number must be an integer between 1 and 10000, inclusive.", argument = "PartNumber", ec = "0017-00000220",
        source = ReferenceNote, from = "shared/reference/callback_post_multipart.md"
        => "The partNumber query parameter is outside 1..=10000; number parts from 1 to 10000.";
    /// `callbackSNI` given as a string instead of a JSON boolean.
    CallbackSniInvalid: InvalidArgument, "The callback sni is invalid.", argument = "callback",
        source = ReferenceNote, from = "shared/reference/callback_post_multipart.md"
        => "callbackSNI must be a JSON boolean (true or false), not a string or number.";
    /// a `$` in callbackBody not followed by `{` (EC page 0007-00000105,
    /// whose example carries this ArgumentName).
    CallbackVariableSyntax: InvalidArgument, "Left brace must be adjacent to dollar sign.", argument = "ReplaceKeyPrefix", ec = "0007-00000105",
        source = ReferenceNote, from = "shared/reference/callback_post_multipart.md"
        => "A variable in callbackBody is not written ${name}; put '{' right after every '$'.";
    /// a V4 Authorization header names a region other than the bucket's.
    SigningRegionInvalid: InvalidArgument, "Invalid signing region in Authorization header.", ec = "0002-00000226",
        source = ReferenceNote, from = "shared/reference/sdk_signing_v4.md"
        => "The region in the V4 credential scope differs from the bucket's region; sign for the bucket's region.";
    /// a V4 credential that is not `AccessKeyId/YYYYMMDD/region/product/aliyun_v4_request`
    /// (oss2 `tests/test_sign.py` records it from the live service).
    CredentialInvalid: InvalidArgument, "Invalid credential in Authorization header.",
        source = ReferenceNote, from = "shared/reference/sdk_signing_v4.md"
        => "The V4 Credential is malformed or its day differs from x-oss-date; sign again with AccessKeyId/YYYYMMDD/region/product/aliyun_v4_request for the request's own day.";
    /// CompleteMultipartUpload with both `x-oss-complete-all` and a body.
    CompleteAllWithBody: InvalidArgument, "Should not speficy both complete all header and http body.", ec = "0042-00000216",
        source = ReferenceNote, from = "shared/reference/sdk_signing.md"
        => "x-oss-complete-all: yes and a part list were both sent; send one or the other.";
    /// a PostObject policy whose `expiration` has passed.
    PolicyExpired: AccessDenied, "Invalid according to Policy: Policy expired.", ec = "0006-00000213",
        source = ReferenceNote, from = "shared/reference/callback_post_multipart.md"
        => "The policy's expiration time has passed; issue a new policy and signature.";
    /// a PostObject form that breaks a policy condition; OSS appends the
    /// failing condition after the colon.
    PolicyConditionFailed: AccessDenied, "Invalid according to Policy: Policy Condition failed:", ec = "0006-00000227", open_ended = true,
        source = ReferenceNote, from = "shared/reference/callback_post_multipart.md"
        => "A form field breaks a policy condition (eq, starts-with, in, content-length-range ...); make the form match the policy or widen the policy.";

    // ---- from the official SDKs (not in the seeds) -------------------------------------
    /// The everyday wording: the seed's sentence followed by advice.
    SignatureMismatchFull: SignatureDoesNotMatch, "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_mock_test.go"
        => "OSS computed another signature than the one sent: the secret is wrong, or the string-to-sign differs (compare the StringToSign element of the body, and CanonicalRequest for V4, with yours)";
    BucketNameTaken: BucketAlreadyExists, "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.", ec = "0015-00000104",
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_mock_test.go"
        => "Bucket names are global across all accounts and this one is taken; choose another name.";
    BucketHasObjects: BucketNotEmpty, "The bucket has objects. Please delete them first.", ec = "0015-00000301",
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_mock_test.go"
        => "Delete every object, version, part and LiveChannel of the bucket before deleting the bucket.";
    RequesterPaysDenied: AccessDenied, "Access denied for requester pay bucket", ec = "0003-00000703",
        source = SdkLiveTest, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_integration_test.go"
        => "The bucket makes requesters pay; send x-oss-request-payer: requester with the request.";
    BucketNotOwned: AccessDenied, "The bucket you visit is not belong to you.",
        source = SdkFixture, from = "aliyun/aliyun-oss-go-sdk: oss/error_test.go"
        => "The bucket belongs to another account and grants this caller nothing; check the bucket name and the credentials in use.";
    WrongEndpoint: AccessDenied, "The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.",
        source = SdkFixture, from = "aliyun/aliyun-oss-go-sdk: oss/error_test.go"
        => "The request went to another region's endpoint; send it to the endpoint the <Endpoint> element of the body names.";
    AppendSealNotSupported: OperationNotSupported, "SealAppendable is not supported.", ec = "0016-00000513",
        source = SdkLiveTest, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_integration_test.go"
        => "Sealing an appendable object is not available for this bucket or object; keep appending, or copy the data to a normal object.";
    StyleContentInvalid: InvalidArgument, "Style content is invalid.",
        source = SdkLiveTest, from = "aliyun/aliyun-oss-python-sdk: tests/test_bucket_style.py"
        => "The image style is not a valid image-processing expression; check the operations and their parameters.";
    BucketAclInvalid: InvalidArgument, "no such bucket access control exists", argument = "x-oss-acl",
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_mock_test.go"
        => "x-oss-acl names no ACL OSS knows; use private, public-read or public-read-write.";
    LifecycleMixedDateAndDays: InvalidRequest, "Found mixed CreatedBeforeDate and Days based Expiration and Transition for StorageClass IA actions", ec = "0014-00000080",
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/api_op_bucket_lifecycle_test.go"
        => "One lifecycle rule mixes date-based and age-based actions; use either CreatedBeforeDate or Days throughout the rule.";
    AsyncProcessMissing: InvalidRequest, "no x-oss-async-process parameter found",
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_mock_test.go"
        => "An asynchronous processing request lacks x-oss-async-process; send the processing instructions in that parameter.";
    ResourceGroupPreCheck: ResourceGroupIdPreCheckError, "The resource group id precheck error", ec = "0039-00000003",
        source = SdkLiveTest, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_integration_test.go"
        => "The resource group id does not exist or does not belong to this account; use an id from the Resource Management console.";
    CnameTokenLimit: TooManyCnameToken, "You have attempted to create more cname token than allowed.",
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_mock_test.go"
        => "The bucket holds the maximum number of CNAME tokens; use or let expire the tokens already created.";
    SelectJsonInvalid: InvalidJsonData, "Invalid value.The current offset is:", ec = "0016-00000801", open_ended = true,
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_mock_test.go"
        => "The object's content is not the JSON the SelectObject request declared; check the input format (DOCUMENT or LINES) and the data.";
    SelectOutputDelimiterInvalid: InvalidOutputFieldDelimiter, "Invalid FieldDelimiter parameter:", ec = "0016-00000828", open_ended = true,
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_mock_test.go"
        => "The output FieldDelimiter is not one base64-encoded character; encode a single character.";
    SelectRecordDelimiterInvalid: InvalidInputRecordDelimiter, "Invalid RecordDelimiter parameter:", ec = "0016-00000829", open_ended = true,
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/api_op_select_object_test.go"
        => "The input RecordDelimiter is not one or two base64-encoded characters; encode at most two characters.";
    /// The fixture answers this with HTTP 400, not the code's 416.
    SelectSplitRangeInvalid: InvalidRange, "The split range is invalid. The non-negative value should be from 0 to total_splits - 1. Its semantics is same as the value in Http Range header.Actual split range is", status = 400, ec = "0016-00000817", open_ended = true,
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/api_op_select_object_test.go"
        => "The split-range asks for splits the object does not have; query the split count first and ask for splits 0 to count - 1.";
    NoSuchLifecycle: NoSuchLifecycle, "No Row found in Lifecycle Table.",
        source = SdkFixture, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/api_op_bucket_lifecycle_test.go"
        => "The bucket has no lifecycle rules; there is nothing to read or delete.";
    NoSuchCorsConfiguration: NoSuchCORSConfiguration, "The CORS Configuration does not exist.",
        source = SdkLiveTest, from = "ali-sdk/ali-oss: test/node/bucket.test.js"
        => "The bucket has no CORS rules; there is nothing to read or delete.";
    NoSuchDataPipeline: NoSuchDataPipeline, "The specified resource dataPipeline is not found.",
        source = SdkLiveTest, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_integration_test.go"
        => "No data pipeline has this name; list the pipelines and check the name.";
    RestoreInProgress: RestoreAlreadyInProgress, "The restore operation is in progress.",
        source = SdkLiveTest, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_integration_test.go"
        => "A restore of this object is already running; wait for it to finish (HEAD shows x-oss-restore) instead of restoring again.";
    SigningProductInvalid: InvalidArgument, "Invalid signing product in Authorization header.",
        source = SdkLiveTest, from = "aliyun/aliyun-oss-java-sdk: src/test/java/com/aliyun/oss/integrationtests/ErrorTest.java"
        => "The product in the V4 credential scope is not the one the endpoint serves; sign for oss (or oss-cloudbox for a cloud box).";
    /// The live test checks that the message contains this text; OSS may say more.
    ObjectTagKeyInvalid: InvalidTag, "The TagKey you have provided is invalid", open_ended = true,
        source = SdkLiveTest, from = "aliyun/aliyun-oss-cpp-sdk: test/src/Object/ObjectTaggingTest.cc"
        => "An object tag key is empty, too long (over 128 characters) or uses characters tags may not contain; fix the key.";
    /// The live test checks that the message contains this text; OSS may say more.
    ObjectTagKeysRepeated: InvalidTag, "Cannot provide multiple Tags with the same key", open_ended = true,
        source = SdkLiveTest, from = "aliyun/aliyun-oss-cpp-sdk: test/src/Object/ObjectTaggingTest.cc"
        => "Two object tags share a key; give every tag its own key.";
    /// The live test checks that the message contains this text; OSS may say more.
    ObjectTagLimit: BadRequest, "Object tags cannot be greater than 10", open_ended = true,
        source = SdkLiveTest, from = "aliyun/aliyun-oss-cpp-sdk: test/src/Object/ObjectTaggingTest.cc"
        => "An object may carry at most 10 tags; drop some.";
    SelectRequesterPays: AccessDenied, "Select API does not support requester pay now.",
        source = SdkLiveTest, from = "aliyun/aliyun-oss-cpp-sdk: test/src/Object/ObjectRequestPaymentTest.cc"
        => "SelectObject cannot be used on a requester-pays bucket by a requester; read the object with GetObject instead.";
    BucketPolicyUnknownChar: InvalidPolicyDocument, "unknown char p",
        source = SdkLiveTest, from = "aliyun/aliyun-oss-cpp-sdk: test/src/Bucket/BucketPolicySettingsTest.cc"
        => "The bucket policy is not valid JSON (here a stray letter where JSON expects a value); fix the policy text.";
    ArchiveRestoreNotFinished: ArchiveRestoreNotFinished, "The archive file's restore is not finished.", ec = "0016-00000719",
        source = SdkLiveTest, from = "aliyun/alibabacloud-oss-go-sdk-v2: oss/client_integration_test.go"
        => "The archived object is still being restored; wait until HEAD shows ongoing-request=\"false\" and retry.";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    #[test]
    fn code_statuses_are_http_statuses() {
        for code in Code::ALL {
            assert!((200..600).contains(&code.status()), "{code:?}");
            assert!(!code.meaning().is_empty(), "{code:?}");
        }
    }

    #[test]
    fn entries_are_distinct_and_complete() {
        for (i, a) in Entry::ALL.iter().enumerate() {
            assert!(!a.message().trim().is_empty(), "{a:?}");
            assert!(a.hint().len() > 20, "{a:?} needs a real hint");
            for b in &Entry::ALL[i + 1..] {
                assert!(
                    a.code() != b.code() || a.message() != b.message(),
                    "{a:?} and {b:?} repeat one (code, message)"
                );
            }
        }
    }

    #[test]
    fn every_code_has_an_entry_unless_no_source_gives_a_message() {
        for code in Code::ALL {
            let has_entry = Entry::ALL.iter().any(|e| e.code() == *code);
            assert!(
                has_entry || code.source() != Source::Seed,
                "{code:?} has no entry"
            );
        }
    }

    #[test]
    fn the_crate_docs_state_the_catalogue_size_and_sources() {
        let docs = include_str!("lib.rs");
        let size = alloc::format!(
            "{} codes and {} entries.",
            Code::ALL.len(),
            Entry::ALL.len()
        );
        assert!(docs.contains(&size), "the crate docs should say {size:?}");
        for source in Source::ALL {
            let codes = Code::ALL.iter().filter(|c| c.source() == source).count();
            let entries = Entry::ALL.iter().filter(|e| e.source() == source).count();
            let row = alloc::format!("//! | {} | {codes} | {entries} |", source.label());
            assert!(docs.contains(&row), "the crate docs should have {row:?}");
        }
    }
}
