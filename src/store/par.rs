//! One parallel map for every "the same work for many files or meetings": scoped threads,
//! each taking the next item as it is free, results in the order of the items.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The cores this machine has (1 when it cannot tell).
pub fn cores() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// `f` of every item, on up to `threads` threads; the results in the order of `items`.
/// With one thread (or one item) everything runs here, on the caller's thread. On more, a
/// panic is not passed on: the item whose work panicked gets `failed(item)` instead.
pub fn map<T, R>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
    failed: impl Fn(&T) -> R,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    let threads = threads.min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    // Items are handed out one at a time, not in runs: one meeting's logs are one large
    // file and some small ones, and a thread given the large one should not also get half
    // of the rest.
    let next = AtomicUsize::new(0);
    let (f, next) = (&f, &next);
    let mut done: Vec<Option<R>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        let result = std::panic::catch_unwind(AssertUnwindSafe(|| f(item)));
                        // The panic was told by the hook; the item is failed below.
                        if let Ok(r) = result {
                            mine.push((i, r));
                        }
                    }
                    mine
                })
            })
            .collect();
        let mut done: Vec<Option<R>> = items.iter().map(|_| None).collect();
        for handle in handles {
            for (i, r) in handle.join().unwrap_or_default() {
                done[i] = Some(r);
            }
        }
        done
    });
    done.iter_mut()
        .zip(items)
        .map(|(r, item)| r.take().unwrap_or_else(|| failed(item)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<u32> = (0..1000).collect();
        for threads in [0, 1, 3, 64, 5000] {
            let doubled = map(&items, threads, |n| n * 2, |_| u32::MAX);
            assert_eq!(doubled, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_long_item_does_not_hold_up_the_items_after_it() {
        // Item 0 waits for the other nine: they are done by the other thread meanwhile,
        // not kept back behind it in a run of their own.
        let others_done = AtomicUsize::new(0);
        let items: Vec<u32> = (0..10).collect();
        let got = map(
            &items,
            2,
            |n| {
                if *n > 0 {
                    others_done.fetch_add(1, Ordering::SeqCst);
                    return true;
                }
                let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
                while others_done.load(Ordering::SeqCst) < 9 && std::time::Instant::now() < until {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                others_done.load(Ordering::SeqCst) == 9
            },
            |_| false,
        );
        assert!(got.iter().all(|done| *done), "{got:?}");
    }

    #[test]
    fn a_panicking_item_gets_the_fallback_and_the_others_their_results() {
        let items: Vec<u32> = (0..8).collect();
        let got = map(
            &items,
            4,
            |n| {
                if *n == 5 {
                    panic!("boom");
                }
                Some(*n)
            },
            |_| None,
        );
        assert_eq!(
            got,
            vec![
                Some(0),
                Some(1),
                Some(2),
                Some(3),
                Some(4),
                None,
                Some(6),
                Some(7)
            ]
        );
    }
}
