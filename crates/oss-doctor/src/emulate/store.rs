//! Objects on disk: each version is a data file with a JSON metadata file beside it, and
//! an index in memory. A write goes to a temporary file first and is renamed into place
//! under the index lock, so a reader sees an old object or a new one, never a mix.

use alloc::collections::BTreeMap;
use alloc::sync::Arc;
use core::sync::atomic::{AtomicU64, Ordering};
use std::collections::HashMap;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};

/// What the emulator keeps about an object (stored as `<file>.json`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Meta {
    pub(crate) key: String,
    /// The data file's name in the bucket's directory.
    pub(crate) file: String,
    pub(crate) size: u64,
    /// Upper-case hex, without quotes (`<md5 of part md5s>-<parts>` for multipart).
    pub(crate) etag: String,
    pub(crate) crc64: u64,
    pub(crate) content_type: String,
    /// Unix seconds.
    pub(crate) last_modified: i64,
    /// `Normal`, `Appendable` or `Multipart`, as OSS names them.
    pub(crate) object_type: String,
    /// `x-oss-meta-*` headers and the standard headers an object keeps (Cache-Control and
    /// the like), names in lower case.
    pub(crate) user_meta: Vec<(String, String)>,
}

/// A stored part of a multipart upload.
#[derive(Clone, Debug)]
pub(crate) struct StoredPart {
    pub(crate) path: PathBuf,
    pub(crate) size: u64,
    pub(crate) etag: String,
    pub(crate) crc64: u64,
}

/// A multipart upload in progress (kept in memory only).
#[derive(Debug)]
pub(crate) struct Upload {
    pub(crate) bucket: String,
    pub(crate) key: String,
    pub(crate) content_type: String,
    pub(crate) user_meta: Vec<(String, String)>,
    pub(crate) parts: BTreeMap<u32, StoredPart>,
}

type Index = HashMap<String, BTreeMap<String, Arc<Meta>>>;

/// The emulator's buckets, objects and uploads.
#[derive(Debug)]
pub(crate) struct Store {
    root: PathBuf,
    index: Mutex<Index>,
    uploads: Mutex<HashMap<String, Upload>>,
    counter: AtomicU64,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Store {
    /// Opens (creating) `root` with `buckets`, loading the objects already there.
    pub(crate) fn open(root: &Path, buckets: &[String]) -> io::Result<Self> {
        fs::create_dir_all(root.join(".tmp"))?;
        let mut index = Index::new();
        for bucket in buckets {
            let dir = root.join(bucket);
            fs::create_dir_all(&dir)?;
            let objects = index.entry(bucket.clone()).or_default();
            for entry in fs::read_dir(&dir)? {
                let path = entry?.path();
                if path.extension().is_none_or(|ext| ext != "json") {
                    continue;
                }
                let Ok(meta) = serde_json::from_slice::<Meta>(&fs::read(&path)?) else {
                    continue;
                };
                // Names sort by creation, so the newest version of a key wins.
                let newer = objects
                    .get(&meta.key)
                    .is_none_or(|old| old.file < meta.file);
                if newer {
                    objects.insert(meta.key.clone(), Arc::new(meta));
                }
            }
        }
        Ok(Self {
            root: root.to_path_buf(),
            index: Mutex::new(index),
            uploads: Mutex::new(HashMap::new()),
            counter: AtomicU64::new(0),
        })
    }

    /// Whether the emulator serves `bucket`.
    pub(crate) fn has_bucket(&self, bucket: &str) -> bool {
        lock(&self.index).contains_key(bucket)
    }

    /// A name no other file of this process has: creation time, then a counter.
    pub(crate) fn unique_name(&self) -> String {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_nanos());
        let count = self.counter.fetch_add(1, Ordering::Relaxed);
        format!("{nanos:032x}-{count:08x}")
    }

    /// A fresh path for a temporary file.
    pub(crate) fn temp_path(&self) -> PathBuf {
        self.root.join(".tmp").join(self.unique_name())
    }

    /// Makes `temp` the object `meta.key` of `bucket`, replacing any older version.
    pub(crate) fn commit(
        &self,
        bucket: &str,
        mut meta: Meta,
        temp: &Path,
    ) -> io::Result<Arc<Meta>> {
        meta.file = self.unique_name();
        let dir = self.root.join(bucket);
        let json = serde_json::to_vec(&meta).map_err(io::Error::other)?;
        let meta = Arc::new(meta);
        let old = {
            let mut index = lock(&self.index);
            let objects = index
                .get_mut(bucket)
                .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no such bucket"))?;
            fs::rename(temp, dir.join(&meta.file))?;
            fs::write(dir.join(format!("{}.json", meta.file)), json)?;
            objects.insert(meta.key.clone(), Arc::clone(&meta))
        };
        if let Some(old) = old {
            remove_version(&dir, &old.file);
        }
        Ok(meta)
    }

    /// The object and its data, opened under the lock so a concurrent write cannot swap
    /// the data under the metadata.
    pub(crate) fn open_object(&self, bucket: &str, key: &str) -> Option<(Arc<Meta>, File)> {
        let index = lock(&self.index);
        let meta = index.get(bucket)?.get(key)?;
        let file = File::open(self.root.join(bucket).join(&meta.file)).ok()?;
        Some((Arc::clone(meta), file))
    }

    /// Deletes the object (nothing happens when there is none, as with OSS).
    pub(crate) fn delete(&self, bucket: &str, key: &str) {
        let old = lock(&self.index)
            .get_mut(bucket)
            .and_then(|objects| objects.remove(key));
        if let Some(old) = old {
            remove_version(&self.root.join(bucket), &old.file);
        }
    }

    /// The objects of `bucket` after `start` (exclusive) in key order, until `take`
    /// returns false.
    pub(crate) fn scan(&self, bucket: &str, start: &str, mut take: impl FnMut(&Meta) -> bool) {
        let index = lock(&self.index);
        let Some(objects) = index.get(bucket) else {
            return;
        };
        let range = objects.range::<str, _>((
            core::ops::Bound::Excluded(start),
            core::ops::Bound::Unbounded,
        ));
        for (_, meta) in range {
            if !take(meta) {
                break;
            }
        }
    }

    /// Starts a multipart upload and returns its id.
    pub(crate) fn start_upload(&self, upload: Upload) -> io::Result<String> {
        let id = self.unique_name().replace('-', "").to_uppercase();
        fs::create_dir_all(self.upload_dir(&id))?;
        lock(&self.uploads).insert(id.clone(), upload);
        Ok(id)
    }

    fn upload_dir(&self, id: &str) -> PathBuf {
        self.root.join(".uploads").join(id)
    }

    /// Runs `f` on the upload `id` of `bucket`/`key`, if there is one.
    pub(crate) fn with_upload<T>(
        &self,
        id: &str,
        bucket: &str,
        key: &str,
        f: impl FnOnce(&mut Upload) -> T,
    ) -> Option<T> {
        let mut uploads = lock(&self.uploads);
        let upload = uploads
            .get_mut(id)
            .filter(|upload| upload.bucket == bucket && upload.key == key)?;
        Some(f(upload))
    }

    /// A fresh path for a part of the upload `id`.
    pub(crate) fn part_path(&self, id: &str) -> PathBuf {
        self.upload_dir(id).join(self.unique_name())
    }

    /// Ends the upload `id` (completed or aborted); its parts' files stay until
    /// [`Store::remove_upload_files`].
    pub(crate) fn end_upload(&self, id: &str) -> Option<Upload> {
        lock(&self.uploads).remove(id)
    }

    /// Removes the parts' files of an ended upload.
    pub(crate) fn remove_upload_files(&self, id: &str) {
        let _ = fs::remove_dir_all(self.upload_dir(id));
    }
}

fn remove_version(dir: &Path, file: &str) {
    let _ = fs::remove_file(dir.join(file));
    let _ = fs::remove_file(dir.join(format!("{file}.json")));
}

impl Upload {
    /// An upload (or a description for a single write) of `object` with no parts yet.
    pub(crate) fn describing(
        object: super::object::Object<'_>,
        content_type: String,
        user_meta: Vec<(String, String)>,
    ) -> Self {
        Self {
            bucket: object.bucket.to_owned(),
            key: object.key.to_owned(),
            content_type,
            user_meta,
            parts: BTreeMap::new(),
        }
    }
}
