//! The hot paths allocate nothing: checksum (every kernel size class), streaming,
//! combine, the precomputed combiner, combine_parts and the header codec.

use oss_crc64::{
    Combiner, Crc64, HeaderValue, checksum, combine, combine_parts, parse_header, update, verify,
};

#[global_allocator]
static ALLOC: oss_test_support::CountingAllocator = oss_test_support::CountingAllocator;

#[test]
fn hot_paths_do_not_allocate() {
    let data: Vec<u8> = (0..70_000u32).map(|i| i.to_le_bytes()[1]).collect();
    let parts = [
        (checksum(&data[..1000]), 1000u64),
        (checksum(&data[1000..]), 69_000),
    ];
    oss_test_support::assert_no_alloc(|| {
        for len in [0, 5, 16, 64, 200, 300, 700, 4096, 70_000] {
            let crc = checksum(&data[..len]);
            let mut stream = Crc64::new();
            stream.update(&data[..len / 2]);
            stream.update(&data[len / 2..len]);
            assert_eq!(stream.finish(), crc);
            assert_eq!(update(checksum(&data[..len / 2]), &data[len / 2..len]), crc);
        }
        let whole = checksum(&data);
        assert_eq!(combine(parts[0].0, parts[1].0, parts[1].1), whole);
        assert_eq!(Combiner::new(69_000).combine(parts[0].0, parts[1].0), whole);
        assert_eq!(combine_parts(parts), whole);
        let header = HeaderValue::new(whole);
        assert_eq!(parse_header(header), Ok(whole));
        assert!(verify(header, whole).is_ok());
        assert!(verify("12", whole).is_err());
    });
}
