//! Reads the benchmark's stored incident (`tests/fixtures/v4-full-incident.json`, 4.6 kB)
//! `n` times, as start-up reads each record: decoded, then fingerprinted. Run through
//! `bench/decode.sh`, which counts its instructions under callgrind.

use mend::persist::{codec, sync};

fn main() {
    let Ok(raw) = std::fs::read_to_string("tests/fixtures/v4-full-incident.json") else {
        eprintln!("run from the project's root");
        std::process::exit(2);
    };
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let started = std::time::Instant::now();
    let mut read = 0;
    for _ in 0..n {
        if codec::decode(&raw).is_ok() {
            read += 1;
        }
        std::hint::black_box(sync::fingerprint(&raw));
    }
    println!("{read} of {n} records read in {:?}", started.elapsed());
}
