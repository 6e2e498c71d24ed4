fn main() -> std::process::ExitCode {
    journey::cli::main()
}
