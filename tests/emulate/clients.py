"""SDK clients pointed at a running emulator, configured the way a tester would."""

import alibabacloud_oss_v2 as oss
import oss2

import harness


def v2_client(emu, ak=harness.AK, sk=harness.SK, signature_version=None, attempts=1, **extra):
    """alibabacloud-oss-v2: V4 by default; an IP endpoint makes it path-style
    (_client.py _resolve_address_style), use_path_style says so anyway. CRC-64 checks on.
    One attempt per call by default, so a test sees the emulator's first answer."""
    cfg = oss.config.Config(
        region=emu.region,
        endpoint=emu.endpoint,
        credentials_provider=oss.credentials.StaticCredentialsProvider(ak, sk),
        use_path_style=True,
        disable_ssl=True,
        retry_max_attempts=attempts,
        connect_timeout=5,
        readwrite_timeout=harness.HTTP_TIMEOUT,
        disable_upload_crc64_check=False,
        disable_download_crc64_check=False,
        **extra,
    )
    if signature_version:
        cfg.signature_version = signature_version
    return oss.Client(cfg)


def oss2_v1(emu, bucket=harness.BUCKET, ak=harness.AK, sk=harness.SK):
    """oss2 with Signature V1 (oss2.Auth); enable_crc=True is the default."""
    return oss2.Bucket(oss2.Auth(ak, sk), emu.endpoint, bucket,
                       connect_timeout=harness.HTTP_TIMEOUT, enable_crc=True)


def oss2_v4(emu, bucket=harness.BUCKET, ak=harness.AK, sk=harness.SK, provider=True):
    """oss2 with Signature V4: ProviderAuthV4 (credentials provider) or AuthV4 (plain keys)."""
    if provider:
        auth = oss2.ProviderAuthV4(oss2.credentials.StaticCredentialsProvider(ak, sk))
    else:
        auth = oss2.AuthV4(ak, sk)
    return oss2.Bucket(auth, emu.endpoint, bucket, region=emu.region,
                       connect_timeout=harness.HTTP_TIMEOUT, enable_crc=True)


def service_error(test, op_error):
    """The ServiceError inside a v2 OperationError (fails the test if there is none)."""
    test.assertIsInstance(op_error, oss.exceptions.OperationError, repr(op_error))
    inner = op_error.unwrap()
    test.assertIsInstance(inner, oss.exceptions.ServiceError,
                          "expected a ServiceError inside %r" % (op_error,))
    return inner
