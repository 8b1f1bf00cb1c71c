//! One parallel map for every "the same work for many files or meetings": scoped threads,
//! each taking a run of the items, results in the order of the items.

/// The cores this machine has (1 when it cannot tell).
pub fn cores() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// `f` of every item, on up to `threads` threads; the results in the order of `items`.
/// A thread that panics is not passed on: each of its items gets `failed(item)` instead.
/// With one thread (or one item) everything runs here, on the caller's thread.
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
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .zip(items.chunks(chunk))
            .flat_map(|(h, part)| {
                h.join()
                    .unwrap_or_else(|_| part.iter().map(&failed).collect())
            })
            .collect()
    })
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
    fn a_panicking_thread_gives_its_items_the_fallback() {
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
                None,
                None,
                Some(6),
                Some(7)
            ]
        );
    }
}
