//! Deterministic cost of the signing hot paths, for instruction counting:
//!
//! ```text
//! cargo build --release -p oss-sign --example sign_cost
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/sign_cost sign 10000
//! ```
//!
//! Runs `ITERATIONS` (default 10000) of one job over the bench's typical PUT (three `x-oss-`
//! headers, a 197-byte string-to-sign): `bare` (HMAC-SHA1 of the string-to-sign with
//! `hmac` + `sha1` and a reused key state), `mac` (`SigningKey::sign` of the same bytes,
//! base64 included), `sign`, `signer` (a reused `Signer`), `verify`, or `setup` (nothing per
//! iteration), or `ratio` (wall-clock medians, see [`ratios`]). Subtract the `setup` count and divide by the iterations for a per-call cost;
//! `scripts/bench/sign_instructions.sh` does all of that for every job.

use core::hint::black_box;

use hmac::Mac as _;
use oss_sign::{Credentials, Request, Signer, SigningKey, Verifier, sign, string_to_sign};

const SECRET: &str = "OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV";
const ID: &str = "LTAI5tExampleAccessKey01";
const NOW: u64 = 1_672_223_261;

/// The bench's typical PUT: Content-MD5, Content-Type, Date and three `x-oss-` headers.
const HEADERS: [(&str, &str); 6] = [
    ("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw=="),
    ("Content-Type", "application/octet-stream"),
    ("Date", "Wed, 28 Dec 2022 10:27:41 GMT"),
    ("x-oss-meta-author", "alice"),
    ("x-oss-storage-class", "Standard"),
    ("x-oss-object-acl", "private"),
];

fn main() {
    let mut args = std::env::args().skip(1);
    let job = args.next().unwrap_or_else(|| "sign".to_owned());
    let iterations: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);

    let key = SigningKey::new(SECRET);
    let creds = Credentials::new(ID, &key).expect("valid id");
    let request = Request::new("PUT")
        .with_bucket("examplebucket")
        .with_key("photos/2024/holiday/IMG_0001.jpg")
        .with_headers(&HEADERS);
    let mut sts = Vec::new();
    string_to_sign(&request, &mut sts);
    let bare = <hmac::Hmac<sha1_reference::Sha1> as hmac::Mac>::new_from_slice(SECRET.as_bytes())
        .expect("any key length");

    let auth = format!("{}", sign(&creds, &request));
    let mut received = HEADERS.to_vec();
    received.push(("Authorization", auth.as_str()));
    let received = request.with_headers(received.as_slice());
    let keys = [(ID, &key)];
    let verifier = Verifier::new();
    assert!(verifier.verify(&received, NOW, keys.as_slice()).is_ok());

    let started = std::time::Instant::now();
    match job.as_str() {
        "setup" => {}
        "bare" => {
            for _ in 0..iterations {
                let mut mac = bare.clone();
                mac.update(black_box(&sts));
                black_box(mac.finalize().into_bytes());
            }
        }
        "mac" => {
            for _ in 0..iterations {
                black_box(key.sign(black_box(&sts)));
            }
        }
        "sign" => {
            for _ in 0..iterations {
                black_box(sign(black_box(&creds), black_box(&request)));
            }
        }
        "signer" => {
            let mut signer = Signer::new(creds);
            for _ in 0..iterations {
                black_box(signer.sign(black_box(&request)).signature().as_bytes()[0]);
            }
        }
        "verify" => {
            for _ in 0..iterations {
                let verdict = verifier.verify(black_box(&received), NOW, keys.as_slice());
                black_box(verdict).expect("verifies");
            }
        }
        "ratio" => {
            ratios(
                iterations, &bare, &sts, &creds, &request, &verifier, &received, &keys,
            );
            return;
        }
        other => {
            eprintln!("unknown job {other:?}: use setup, bare, mac, sign, signer, verify or ratio");
            std::process::exit(2);
        }
    }
    if iterations > 0 {
        let per_call = started.elapsed().as_secs_f64() * 1e9 / f64::from(iterations);
        eprintln!("{job}: {per_call:.1} ns per call (wall clock, {iterations} calls)");
    }
}

/// Wall-clock time ratios sign/bare and verify/sign: 21 rounds, each timing `iterations`
/// calls of every job back to back, so drifting load on a shared machine hits all
/// jobs alike; prints the median ratio of the rounds. A development aid: criterion's
/// numbers (benches/sign.rs) are the ones recorded.
#[allow(clippy::too_many_arguments)]
fn ratios<'a>(
    iterations: u32,
    bare: &hmac::Hmac<sha1_reference::Sha1>,
    sts: &[u8],
    creds: &Credentials<'a>,
    request: &Request<'a, &'a [(&'a str, &'a str); 6]>,
    verifier: &Verifier,
    received: &Request<'a, &'a [(&'a str, &'a str)]>,
    keys: &[(&str, &SigningKey)],
) {
    // Like criterion's `Bencher::iter`: the job inlined into the loop, its output kept
    // alive with `black_box`.
    fn time<R>(iterations: u32, mut job: impl FnMut() -> R) -> f64 {
        let started = std::time::Instant::now();
        for _ in 0..iterations {
            black_box(job());
        }
        started.elapsed().as_secs_f64()
    }
    let mut rounds = Vec::new();
    for _ in 0..21 {
        let bare_time = time(iterations, || {
            let mut mac = bare.clone();
            mac.update(black_box(sts));
            mac.finalize().into_bytes()
        });
        let sign_time = time(iterations, || sign(black_box(creds), black_box(request)));
        let mut signer = Signer::new(*creds);
        let signer_time = time(iterations, || {
            signer.sign(black_box(request)).signature().as_bytes()[0]
        });
        let verify_time = time(iterations, || {
            verifier
                .verify(black_box(received), NOW, keys)
                .expect("verifies")
        });
        rounds.push((
            sign_time / bare_time,
            verify_time / sign_time,
            bare_time,
            signer_time / bare_time,
        ));
    }
    let median = |pick: fn(&(f64, f64, f64, f64)) -> f64| {
        let mut values: Vec<f64> = rounds.iter().map(pick).collect();
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let bare_ns = median(|r| r.2) * 1e9 / f64::from(iterations);
    eprintln!(
        "sign/bare {:.3}  verify/sign {:.3}  signer/bare {:.3}  (bare {bare_ns:.0} ns; medians of 21 rounds)",
        median(|r| r.0),
        median(|r| r.1),
        median(|r| r.3)
    );
}
