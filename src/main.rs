fn main() -> std::process::ExitCode {
    samrad::install_panic_hook();
    samrad::cli::run()
}
