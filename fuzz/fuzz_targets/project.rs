//! The project-file reader on arbitrary bytes: a project or a clear error, never a panic.
#![no_main]
use std::path::Path;

use dateline::edits::Project;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(p) = Project::from_json(text, Path::new("fuzz.json")) {
            // what we read we can write and read back
            let again = Project::from_json(&p.to_json(), Path::new("fuzz.json"));
            assert!(again.is_ok());
        }
    }
});
