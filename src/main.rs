/// mimalloc instead of the system allocator: parsing, checking and freeing a large
/// file make millions of small allocations, and mimalloc serves and frees them
/// faster (about a fifth off parse + check of a 10 MB file). It is set here, in the
/// program, not in the library: a program that links the library chooses its own.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    journey::cli::main()
}
