//! Embeds the message files (`locales/<tag>/*.ftl`) and the email templates (`emails/`) in the
//! binary. They are found by walking the folders, so a translator who adds `locales/vi/` and
//! `emails/*/*.vi.j2` only rebuilds: no Rust file lists them.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn table(name: &str, root: &Path, ext: &str, code: &mut String) {
    let mut files = Vec::new();
    files_under(root, &mut files);
    writeln!(code, "pub const {name}: &[(&str, &str)] = &[").unwrap();
    for path in files.iter().filter(|p| p.to_string_lossy().ends_with(ext)) {
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    writeln!(code, "];").unwrap();
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let mut code = String::new();
    table("LOCALE_FILES", &root.join("locales"), ".ftl", &mut code);
    table("EMAIL_FILES", &root.join("emails"), ".j2", &mut code);
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(out, code).unwrap();
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=emails");
    println!("cargo:rerun-if-changed=build.rs");
}
