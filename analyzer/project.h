// The project view: how the files of one run call each other's exports. A finding whose
// repetition rests only on callers outside its file (an exported `start()` that adds a process
// listener) is settled by the callers the other files of the run show: called only from
// start-up code, it runs once and the finding goes; called from a route, a listener or a watcher,
// it runs again and again and the finding is sure. Each file's analysis lists its calls into
// other files (ll_project_links, from its facts, at no extra parse); the run gathers them
// (ll_project_add) and, once every file is analysed, asks for each such finding
// (ll_project_callers). A single file, or --stdin, keeps the per-file view.
#ifndef LEAKLINT_PROJECT_H
#define LEAKLINT_PROJECT_H

#include <stddef.h>

#include "analyzer/arena.h"
#include "analyzer/config.h"
#include "analyzer/facts.h"

/** A call (or other use) of another file's export, seen in one file. */
typedef struct ll_link {
  const char *module; // the specifier as written: "./lib/daemon", "../util.js"; NULL for this
                      // file (how often an export of its own calls the functions it is handed)
  const char *name;   // the export used: "start"; "default" for the module itself; "*" when the
                      // whole module object is used in a way that may call any of its exports
  ll_frequency freq;  // how often the use runs: ONCE, REPEATED, or UNKNOWN (handed on)
  ll_confidence confidence; // for REPEATED: whether the file shows the repetition
  const char *via; // when the use's frequency rests on the callers of an export of its own file
                   // (it is made in exported `start()`, in a method of an exported class): that
                   // export's name (ll_facts_export_root), whose callers in the run decide; or NULL
  const char *via_module; // NULL, or the specifier of the module `via` belongs to: for a use in
                          // a callback handed to another file's export, "configFile(1)" of
                          // "./lib/config" says how often that export calls its argument 1
  const char *witness;    // for a sure repetition: "<line>, <why>" ("6, inside a route handler
                          // registered with app.get at line 5"), said in the settled message
  bool handoff; // an instance ("Server#*") handed to another file's export: `via` is "use{0}",
                // that export's parameter, whose method calls are the instance's
} ll_link;

/**
 * The uses, in the file `facts` describe, of what it imports from relative modules (`require`
 * of a path starting with `.`, `import ... from './x'`): calls of their exports, with the
 * frequency of the code that makes them. Owned by `arena`; `*n` gets the count.
 */
ll_link *ll_project_links(const ll_facts *facts, ll_arena *arena, size_t *n);

typedef struct ll_project ll_project;

/** An empty project view. Owned by the caller (ll_project_delete). */
ll_project *ll_project_new(void);
void ll_project_delete(ll_project *project);

/**
 * Adds the links of the file at `path` (as given to the run), resolving each module specifier
 * against the file's directory as Node does (the path itself, then with .js, .cjs, .mjs, .jsx,
 * then /index.js ...). Copies what it keeps. Not thread-safe: the caller serialises.
 */
void ll_project_add(ll_project *project, const char *path, const ll_link *links, size_t n);

/** The verdicts, ordered: over several uses, the largest holds. */
typedef enum ll_callers {
  LL_CALLERS_NONE,     // no file of the run uses that export: nothing is settled
  LL_CALLERS_ONCE,     // every use is in code that runs once (start-up, a CLI command), also
                       // through other exports: `new Server()` in exported `boot()`, which the
                       // bin script calls once
  LL_CALLERS_UNKNOWN,  // some use is handed on, or repeats only as far as its own file guesses
  LL_CALLERS_REPEATED, // some use is in code that surely repeats (a route, a listener)
} ll_callers;

/**
 * What the other files of the run do with export `name` of the file at `path`. For REPEATED,
 * `*witness` (when `witness` is not NULL) gets where: "app.js:6, inside a route handler
 * registered with app.get at line 5", owned by `project`; NULL when unknown.
 */
ll_callers ll_project_callers(const ll_project *project, const char *path, const char *name,
                              const char **witness);

/** How ll_project_settle changes the findings it is given; either may be NULL. */
typedef struct ll_settle_owner {
  void (*drop)(ll_finding *finding);                     // releases what a dropped finding owns
  void (*append)(ll_finding *finding, const char *text); // adds `text` to its message
} ll_settle_owner;

/**
 * Settles the findings of the file at `path` (in place; returns how many are left) with the
 * callers `project` saw, or with none when `project` is NULL (a single file): a finding whose
 * export only start-up code calls goes; one that some surely repeating code calls becomes sure,
 * at the severity `config` gives its rule, and its message says which code repeats it; one that
 * needs such callers (needs_sure_callers) and has none goes. `owner` (may be NULL) releases what
 * a dropped finding owns and rewrites messages.
 */
size_t ll_project_settle(const ll_project *project, const char *path, const ll_config *config,
                         ll_finding *findings, size_t n, const ll_settle_owner *owner);

#endif
