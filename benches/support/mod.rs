//! Generated inputs shared by the benchmarks, and the allocator of the benchmarks
//! that include this module.

/// The allocator of the `journey` binary (src/main.rs), so that work measured in
/// process allocates as the program does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One example's declarations, then copies of its journey and population with
/// fresh names until the text reaches `bytes`.
pub fn generate(bytes: usize) -> String {
    let src = include_str!("../../examples/beauty_w2.journey");
    let split = src.find("\njourney ").expect("the example has a journey") + 1;
    let (decls, body) = src.split_at(split);
    let mut out = String::with_capacity(bytes + body.len());
    out.push_str(decls);
    let mut i = 0;
    while out.len() < bytes {
        i += 1;
        for line in body.lines() {
            if let Some(rest) = line.strip_prefix("journey ") {
                let (name, tail) = rest.split_once(' ').unwrap_or((rest, ""));
                out.push_str(&format!("journey {name}_{i} {tail}\n"));
            } else if let Some(rest) = line.strip_prefix("population ") {
                let (name, tail) = rest.split_once(' ').unwrap_or((rest, ""));
                out.push_str(&format!("population {name}_{i} {tail}\n"));
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}
