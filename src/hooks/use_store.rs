use crate::state::yours::{StoreOp, Write, YoursAction};
use crate::state::{Action, AppState};
use crate::storage::{self, RecordKey};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use yew::prelude::*;

/// Reads the reader's articles from the store `name` once, then performs the writes the state
/// owes it, each exactly once and in order, reporting the results back to the state.
#[hook]
pub fn use_store(name: AttrValue, state: &UseReducerHandle<AppState>) {
    {
        let (name, dispatch) = (name.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let result = storage::load(&name).await;
                dispatch.dispatch(Action::Yours(YoursAction::Loaded(result)));
            });
        });
    }
    let writer = use_mut_ref(Writer::default);
    let owed = state
        .yours
        .writable()
        .then(|| state.yours.outbox.last().map(|op| op.seq))
        .flatten();
    let ops = state.yours.outbox.clone();
    let dispatch = state.dispatcher();
    use_effect_with(owed, move |_| {
        let start = {
            let mut w = writer.borrow_mut();
            let sent = w.sent;
            w.queue.extend(ops.into_iter().filter(|op| op.seq > sent));
            w.sent = w.queue.back().map_or(sent, |op| op.seq);
            !std::mem::replace(&mut w.running, true)
        };
        if start {
            wasm_bindgen_futures::spawn_local(write_all(name, Rc::clone(&writer), dispatch));
        }
    });
}

/// Writes owed but not yet reported. One writer runs at a time.
#[derive(Default)]
struct Writer {
    queue: VecDeque<StoreOp>,
    /// The last write taken into the queue.
    sent: u64,
    running: bool,
}

/// Drains the queue in rounds: every write waiting starts at once (in order), and the round's
/// results go back to the state as one action. A batch import owes hundreds of writes that
/// finish together; one action per round keeps that to a few renders instead of hundreds.
async fn write_all(
    name: AttrValue,
    writer: Rc<RefCell<Writer>>,
    dispatch: UseReducerDispatcher<AppState>,
) {
    loop {
        let round: Vec<StoreOp> = {
            let mut w = writer.borrow_mut();
            if w.queue.is_empty() {
                w.running = false;
                return;
            }
            w.queue.drain(..).collect()
        };
        let pending: Vec<_> = round
            .iter()
            .map(|op| {
                let write: std::pin::Pin<Box<dyn std::future::Future<Output = _>>> = match &op.write
                {
                    Write::Put(record) => {
                        Box::pin(storage::put(&name, &RecordKey::Number(op.key), record))
                    }
                    Write::Delete => Box::pin(storage::delete(&name, op.key)),
                };
                (op.seq, write)
            })
            .collect();
        let mut results = Vec::with_capacity(pending.len());
        for (seq, write) in pending {
            results.push((seq, write.await));
        }
        dispatch.dispatch(Action::Yours(YoursAction::Stored(results)));
    }
}
