//! The process's allocator (mimalloc) and giving its free memory back to the system.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

unsafe extern "C" {
    fn mi_collect(force: bool);
}

/// Hand memory freed since the last call back to the system: mimalloc keeps freed pages
/// for reuse until its next allocation there, which in an idle TUI may never come.
pub fn give_back() {
    // SAFETY: mi_collect takes no pointers and may be called from any thread at any time.
    unsafe { mi_collect(true) }
}
