//! A fresh, empty directory for one test, removed when the test is done.

use std::path::{Path, PathBuf};

pub(crate) struct ScratchDir(PathBuf);

impl ScratchDir {
    /// `<temp>/threads-vs-async-<pid>-<name>`, empty.
    pub(crate) fn new(name: &str) -> Self {
        let path = std::env::temp_dir()
            .join(format!("threads-vs-async-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("the temp directory is writable");
        Self(path)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
