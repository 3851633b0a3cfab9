//! The reader's articles in this browser's IndexedDB: one record per article, a number as its key
//! and the core's JSON record as its value.
//!
//! This is the app's only persistent store, and it is deliberately dumb: it reads every record as
//! raw text and writes what it is given. Whether a record parses is decided by the core, and a
//! record that does not is kept as it is (the reader can export it), never deleted here.
//!
//! The calls go through a few lines of JavaScript because IndexedDB's event-based API is
//! awkward from web-sys; the script only wraps requests in promises. One connection per database
//! is cached, so transactions start in the order the calls were made, and IndexedDB runs
//! read-write transactions on one store in the order they start: writes land in call order.

use std::future::Future;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
const STORE = 'articles';
const connections = new Map();
function describe(e) {
  if (!e) return 'unknown error';
  return (e.name ? e.name + ': ' : '') + (e.message || String(e));
}
function open(name) {
  if (!connections.has(name)) {
    connections.set(name, new Promise((resolve, reject) => {
      if (typeof indexedDB === 'undefined' || indexedDB === null) {
        reject('IndexedDB is not available in this browser (private mode or blocked storage)');
        return;
      }
      let request;
      try { request = indexedDB.open(name, 1); } catch (e) { reject(describe(e)); return; }
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(describe(request.error));
      request.onblocked = () => reject('the store is open in another tab with an older version');
    }));
    connections.get(name).catch(() => connections.delete(name));
  }
  return connections.get(name);
}
function run(name, mode, work) {
  return open(name).then((db) => new Promise((resolve, reject) => {
    let tx;
    try { tx = db.transaction(STORE, mode); } catch (e) { reject(describe(e)); return; }
    const result = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(result());
    tx.onabort = () => reject(describe(tx.error));
    tx.onerror = () => reject(describe(tx.error));
  }));
}
export function idb_load(name) {
  return run(name, 'readonly', (store) => {
    const keys = store.getAllKeys();
    const values = store.getAll();
    return () => keys.result.map((key, i) => {
      const value = values.result[i];
      let raw;
      if (typeof value === 'string') raw = value;
      else { try { raw = JSON.stringify(value); } catch (e) { raw = String(value); } }
      return [typeof key === 'number' ? key : String(key), raw];
    });
  });
}
export function idb_put(name, key, value) {
  return run(name, 'readwrite', (store) => { store.put(value, key); return () => null; });
}
export function idb_delete(name, key) {
  return run(name, 'readwrite', (store) => { store.delete(key); return () => null; });
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn idb_load(name: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_put(name: &str, key: &JsValue, value: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_delete(name: &str, key: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// A record's key: the app writes numbers; anything else found in the store is kept as text.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordKey {
    Number(u32),
    Other(String),
}

impl std::fmt::Display for RecordKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordKey::Number(n) => write!(f, "{n}"),
            RecordKey::Other(s) => f.write_str(s),
        }
    }
}

/// Every record in the store `name`, in key order, values as raw text.
pub async fn load(name: &str) -> Result<Vec<(RecordKey, String)>, String> {
    let rows = settle(idb_load(name)).await?;
    let rows: js_sys::Array = rows.unchecked_into();
    Ok(rows
        .iter()
        .map(|row| {
            let row: js_sys::Array = row.unchecked_into();
            let key = row.get(0);
            let key = match key.as_f64() {
                Some(n) if n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&n) => {
                    RecordKey::Number(n as u32)
                }
                Some(n) => RecordKey::Other(n.to_string()),
                None => RecordKey::Other(key.as_string().unwrap_or_default()),
            };
            (key, row.get(1).as_string().unwrap_or_default())
        })
        .collect())
}

// The writes start their transaction when called, not when first polled, so the order of calls
// is the order they land in whatever order the futures are awaited.

/// Writes `value` under `key`, replacing what was there.
pub fn put(name: &str, key: &RecordKey, value: &str) -> impl Future<Output = Result<(), String>> {
    let promise = idb_put(name, &js_key(key), value);
    async move { settle(promise).await.map(drop) }
}

pub fn delete(name: &str, key: u32) -> impl Future<Output = Result<(), String>> {
    let promise = idb_delete(name, &JsValue::from(key));
    async move { settle(promise).await.map(drop) }
}

fn js_key(key: &RecordKey) -> JsValue {
    match key {
        RecordKey::Number(n) => JsValue::from(*n),
        RecordKey::Other(s) => JsValue::from_str(s),
    }
}

async fn settle(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, String> {
    let promise = promise.map_err(|e| describe(&e))?;
    JsFuture::from(promise).await.map_err(|e| describe(&e))
}

fn describe(error: &JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "unknown storage error".to_string())
}
