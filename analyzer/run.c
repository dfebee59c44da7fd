// The run: the run-level lifetimes (options, configurations, baseline, analyzers, reporter,
// output file) and the exit code. Configurations are all read during the walk, before any file
// is analysed, so a bad one stops the run before it starts. A bad file is reported on stderr and
// the run goes on; the report goes to a temporary file that replaces --output-file only once it
// is complete.
#include "analyzer/run.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "analyzer/analyze.h"
#include "analyzer/baseline.h"
#include "analyzer/files.h"
#include "analyzer/ignore.h"
#include "analyzer/output.h"
#include "analyzer/paths.h"
#include "analyzer/project.h"

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

// `jobs`: the threads the files were analysed on; the phase times are their sum, the total the
// wall-clock time of the run.
static void print_stats(const ll_stats *s, double total, unsigned jobs) {
  fprintf(stderr,
          "leaklint: stats: files=%llu lines=%llu bytes=%llu read=%.3fs parse=%.3fs "
          "scopes=%.3fs rules=%.3fs report=%.3fs total=%.3fs",
          (unsigned long long)s->files, (unsigned long long)s->lines, (unsigned long long)s->bytes,
          s->read_seconds, s->parse_seconds, s->bind_seconds, s->rules_seconds, s->report_seconds,
          total);
  if (jobs > 1) fprintf(stderr, " (phase times summed over %u threads; total is wall-clock)", jobs);
  fputc('\n', stderr);
  if (s->nodes) fprintf(stderr, "leaklint: stats: nodes=%llu\n", (unsigned long long)s->nodes);
}

// A file's results, copied out of the worker's arena so that the worker can go on with the next
// file while an earlier one is still being analysed elsewhere.
typedef struct file_report {
  bool ready;
  bool generated; // skipped as generated or minified
  ll_status status;
  char *error;
  bool has_syntax_error;
  ll_finding *findings; // messages and justifications malloc'd
  size_t n_findings;
  ll_suppress_note *notes; // messages malloc'd
  size_t n_notes;
} file_report;

typedef struct shared_run {
  const ll_options *options;
  const ll_file_list *files;
  const ll_config **configs; // per file
  const bool *named;         // per file: given on the command line (so analysed even if generated)
  ll_analyzer_options analyzer_options;
  const ll_baseline *baseline; // --baseline, or NULL
  ll_baseline *write_baseline; // --write-baseline, or NULL
  pthread_mutex_t lock;        // guards everything below
  size_t next_file;            // the next file a worker takes
  size_t next_report;          // the next file to report: output follows the sorted file list
  file_report *reports;
  const ll_reporter_ops *reporter;
  void *reporter_state;
  ll_finding *shown; // scratch: the findings of one file that the report shows
  size_t cap_shown;
  ll_stats stats; // sums of the workers' figures
  size_t n_errors, n_warnings, n_files_with, n_suppressed, n_baselined;
  size_t n_generated; // files skipped as generated or minified
  bool trouble;
  // Several files: the calls between them (project.h). Reports are then held until every file
  // is analysed, so that findings resting on other files' callers can be settled.
  ll_project *project;
} shared_run;

static char *copy_or_null(const char *text) {
  return text ? ll_xstrdup(text) : NULL;
}

static void copy_out(file_report *report, const ll_file_result *result) {
  report->generated = result->generated != NULL;
  report->status = result->status;
  report->error = result->status != LL_OK ? ll_xstrdup(result->error) : NULL;
  report->has_syntax_error = result->has_syntax_error;
  report->n_findings = result->n_findings;
  report->findings = NULL;
  if (result->n_findings) {
    report->findings = ll_xmalloc(result->n_findings * sizeof *report->findings);
    for (size_t k = 0; k < result->n_findings; k++) {
      report->findings[k] = result->findings[k];
      report->findings[k].message = ll_xstrdup(result->findings[k].message);
      report->findings[k].justification = copy_or_null(result->findings[k].justification);
      report->findings[k].export_root = copy_or_null(result->findings[k].export_root);
      uint32_t n_trace = result->findings[k].n_trace;
      ll_trace_step *trace = n_trace ? ll_xmalloc(n_trace * sizeof *trace) : NULL;
      for (uint32_t t = 0; t < n_trace; t++) {
        trace[t] = result->findings[k].trace[t];
        trace[t].message = ll_xstrdup(trace[t].message);
      }
      report->findings[k].trace = trace;
    }
  }
  report->n_notes = result->n_notes;
  report->notes = NULL;
  if (result->n_notes) {
    report->notes = ll_xmalloc(result->n_notes * sizeof *report->notes);
    for (size_t k = 0; k < result->n_notes; k++)
      report->notes[k] = (ll_suppress_note){result->notes[k].line, result->notes[k].column,
                                            ll_xstrdup(result->notes[k].message)};
  }
}

static void free_finding(ll_finding *f) {
  free((char *)f->message);
  free((char *)f->justification);
  free((char *)f->export_root);
  for (uint32_t t = 0; t < f->n_trace; t++)
    free((char *)f->trace[t].message);
  free((void *)f->trace);
}

static void release_report(file_report *r) {
  for (size_t k = 0; k < r->n_findings; k++)
    free_finding(&r->findings[k]);
  free(r->findings);
  for (size_t k = 0; k < r->n_notes; k++)
    free((char *)r->notes[k].message);
  free(r->notes);
  free(r->error);
  *r = (file_report){.ready = true};
}

// Decides what becomes of each finding of `r` (below the confidence asked for, suppressed,
// baselined, left out by --quiet, shown), counts them, and passes the shown ones to the reporter.
static void report_findings(shared_run *run, const ll_config *config, const char *path,
                            file_report *r) {
  const ll_options *o = run->options;
  // A finding below minConfidence is dropped before anything sees it: the baseline does not
  // record it, and it counts for nothing.
  size_t kept = 0;
  for (size_t k = 0; k < r->n_findings; k++)
    if (ll_config_shows(config, &r->findings[k]))
      r->findings[kept++] = r->findings[k];
    else
      free_finding(&r->findings[k]);
  r->n_findings = kept;
  if (run->write_baseline)
    ll_baseline_record(run->write_baseline, path, r->findings, r->n_findings);
  bool show_suppressed = o->include_suppressed;
  if (r->n_findings > run->cap_shown) {
    run->cap_shown = r->n_findings * 2;
    run->shown = ll_xrealloc(run->shown, run->cap_shown * sizeof *run->shown);
  }
  size_t n_shown = 0, n_counted = 0;
  if (run->baseline)
    run->n_baselined += ll_baseline_match(run->baseline, path, r->findings, r->n_findings);
  for (size_t k = 0; k < r->n_findings; k++) {
    ll_finding *f = &r->findings[k];
    if (f->suppression == LL_SUPPRESSED_IN_SOURCE) {
      run->n_suppressed++;
    } else if (!f->suppression && run->write_baseline) {
      // --write-baseline records every finding, so none of them is reported this time.
      f->suppression = LL_SUPPRESSED_BASELINE;
      run->n_baselined++;
    }
    if (o->quiet && f->severity != LL_ERROR) continue;
    if (!f->suppression) {
      n_counted++;
      if (f->severity == LL_ERROR)
        run->n_errors++;
      else
        run->n_warnings++;
    }
    if (!f->suppression || show_suppressed) run->shown[n_shown++] = *f;
  }
  if (n_shown) run->reporter->file(run->reporter_state, path, run->shown, n_shown);
  if (n_counted) run->n_files_with++;
}

// Reports file `i` (with the lock held) and releases its copy.
static void emit(shared_run *run, size_t i) {
  double t0 = now_seconds();
  file_report *r = &run->reports[i];
  const char *path = run->files->paths[i];
  if (r->generated) {
    run->n_generated++; // silently, but for the count at the end
  } else if (r->status != LL_OK) {
    ll_diag_error(path, "%s", r->error);
    run->reporter->problem(run->reporter_state, path, LL_ERROR, r->error);
    run->trouble = true;
  } else {
    for (size_t k = 0; k < r->n_notes; k++)
      if (r->notes[k].column)
        ll_diag_warning(NULL, "%s:%u:%u: %s", path, r->notes[k].line, r->notes[k].column,
                        r->notes[k].message);
      else
        ll_diag_warning(NULL, "%s:%u: %s", path, r->notes[k].line, r->notes[k].message);
    if (r->has_syntax_error)
      run->reporter->problem(run->reporter_state, path, LL_WARNING,
                             "the file has syntax errors; code inside them was not analysed");
    report_findings(run, run->configs[i], path, r);
  }
  release_report(r);
  run->stats.report_seconds += now_seconds() - t0;
}

static void add_stats(ll_stats *sum, const ll_stats *part) {
  sum->read_seconds += part->read_seconds;
  sum->parse_seconds += part->parse_seconds;
  sum->bind_seconds += part->bind_seconds;
  sum->rules_seconds += part->rules_seconds;
  sum->files += part->files;
  sum->lines += part->lines;
  sum->bytes += part->bytes;
  sum->nodes += part->nodes;
}

// Settles the findings of file `i` with the callers the other files of the run show (or, for
// a single file, with none): see ll_project_settle.
static void append_to_message(ll_finding *f, const char *text) {
  size_t old = strlen(f->message), more = strlen(text);
  char *message = ll_xrealloc((char *)f->message, old + more + 1);
  memcpy(message + old, text, more + 1);
  f->message = message;
}

static void settle(shared_run *run, size_t i) {
  static const ll_settle_owner owner = {free_finding, append_to_message};
  file_report *r = &run->reports[i];
  r->n_findings = ll_project_settle(run->project, run->files->paths[i], run->configs[i],
                                    r->findings, r->n_findings, &owner);
}

// Hands a worker's result to the ordered output (lock held by the caller). In a run over
// several files, the file's calls into the others are noted and its report waits for them all.
static void deliver(shared_run *run, size_t i, const ll_file_result *result) {
  file_report report;
  copy_out(&report, result);
  pthread_mutex_lock(&run->lock);
  run->reports[i] = report;
  run->reports[i].ready = true;
  if (run->project) {
    ll_project_add(run->project, run->files->paths[i], result->links, result->n_links);
  } else {
    while (run->next_report < run->files->n && run->reports[run->next_report].ready) {
      settle(run, run->next_report);
      emit(run, run->next_report++);
    }
  }
  pthread_mutex_unlock(&run->lock);
}

// One worker: a parser and an arena of its own, files taken one at a time from the shared list.
// Only one syntax tree per worker is alive at a time.
static void *worker(void *opaque) {
  shared_run *run = opaque;
  ll_analyzer *analyzer = ll_analyzer_new(&run->analyzer_options);
  for (;;) {
    pthread_mutex_lock(&run->lock);
    size_t i = run->next_file++;
    pthread_mutex_unlock(&run->lock);
    if (i >= run->files->n) break;
    ll_file_result result;
    // A generated file named on the command line is analysed: someone asked for it.
    if (run->options->include_generated || run->named[i])
      ll_analyzer_file(analyzer, run->configs[i], run->files->paths[i], &result);
    else
      ll_analyzer_file_unless_generated(analyzer, run->configs[i], run->files->paths[i], &result);
    deliver(run, i, &result);
  }
  pthread_mutex_lock(&run->lock);
  add_stats(&run->stats, ll_analyzer_stats(analyzer));
  pthread_mutex_unlock(&run->lock);
  ll_analyzer_delete(analyzer);
  return NULL;
}

static unsigned job_count(const ll_options *options, size_t n_files) {
  long jobs = options->jobs;
  if (jobs <= 0) jobs = sysconf(_SC_NPROCESSORS_ONLN);
  if (jobs < 1) jobs = 1;
  if ((size_t)jobs > n_files) jobs = n_files ? (long)n_files : 1;
  if (jobs > 256) jobs = 256;
  return (unsigned)jobs;
}

// What the walk's filter needs: the configurations, the ignore files, and the count of what they
// left out (for the message of a run with nothing to analyse).
typedef struct walk_filter {
  ll_config_finder *finder;
  ll_ignore *ignore;
  size_t n_ignored;
} walk_filter;

// The walk's filter: a file or directory that the configuration that applies to it, an ignore
// file or --ignore-pattern leaves out is skipped, and a directory walk takes the configuration's
// extensions.
static bool wanted(void *data, const char *path, bool is_dir, bool named) {
  walk_filter *filter = data;
  char *absolute;
  // A directory is an entry of its parent: the parent's configuration decides on it.
  const ll_config *config = ll_config_finder_for_file(filter->finder, path, &absolute);
  bool keep = false;
  if (config) {
    const char *slash = strrchr(path, '/');
    bool candidate = is_dir || named || ll_config_wants_file(config, slash ? slash + 1 : path);
    bool ignored = ll_config_ignores(config, absolute, is_dir) ||
                   (absolute[0] == '/' && ll_ignore_path(filter->ignore, absolute, is_dir, named));
    // Only what would have been analysed counts as ignored, not every README.
    if (candidate && ignored) filter->n_ignored++;
    keep = candidate && !ignored;
  }
  free(absolute);
  return keep;
}

// Reads standard input whole, at most `limit` + 1 bytes. NULL on a read error (errno says).
static char *read_stdin(uint64_t limit, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *text = ll_xmalloc(cap);
  for (;;) {
    if (n == cap) {
      if (cap > limit) break;
      cap *= 2;
      text = ll_xrealloc(text, cap);
    }
    ssize_t got = read(STDIN_FILENO, text + n, cap - n);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      int saved = errno;
      free(text);
      errno = saved;
      return NULL;
    }
    if (got == 0) break;
    n += (size_t)got;
  }
  *len = n;
  return text;
}

// --stdin: one file, read from standard input, reported as --stdin-filename.
static void run_stdin(shared_run *run) {
  const char *path = run->files->paths[0];
  size_t len = 0;
  char *text = read_stdin(run->options->max_file_size, &len);
  ll_analyzer *analyzer = ll_analyzer_new(&run->analyzer_options);
  ll_file_result result;
  if (!text) {
    result = (ll_file_result){.path = path, .status = LL_ERR_IO, .error = strerror(errno)};
  } else {
    ll_analyzer_source(analyzer, run->configs[0], path, text, len, &result);
  }
  deliver(run, 0, &result);
  add_stats(&run->stats, ll_analyzer_stats(analyzer));
  ll_analyzer_delete(analyzer);
  free(text);
}

// The end of a run that analysed no file: an error (exit 2), as ESLint's for a pattern that
// matches nothing, unless --no-error-on-unmatched-pattern accepts it.
static bool empty_run_is_trouble(const ll_options *options, size_t n_ignored, size_t n_generated) {
  if (options->no_error_on_unmatched) return false;
  fprintf(stderr,
          "leaklint: error: no files to analyse (%zu ignored, %zu generated or minified, no "
          "other JavaScript file found); --no-error-on-unmatched-pattern to accept it\n",
          n_ignored, n_generated);
  return true;
}

static void print_summary(const shared_run *run, size_t n_files) {
  size_t n = run->n_errors + run->n_warnings;
  fprintf(stderr, "leaklint: %zu finding%s (%zu error%s, %zu warning%s) in %zu of %zu file%s", n,
          n == 1 ? "" : "s", run->n_errors, run->n_errors == 1 ? "" : "s", run->n_warnings,
          run->n_warnings == 1 ? "" : "s", run->n_files_with, n_files, n_files == 1 ? "" : "s");
  if (run->n_suppressed) fprintf(stderr, "; %zu suppressed", run->n_suppressed);
  if (run->n_baselined)
    fprintf(stderr, "; %zu %s baseline", run->n_baselined,
            run->write_baseline ? "written to the" : "in the");
  fputc('\n', stderr);
}

// --print-config FILE
static int print_config(const ll_options *options, ll_config_finder *finder, ll_ignore *ignore) {
  char *absolute;
  const ll_config *config = ll_config_finder_for_file(finder, options->print_config, &absolute);
  if (config)
    ll_config_print(config, options->print_config,
                    ll_config_ignores(config, absolute, false) ||
                        (absolute[0] == '/' && ll_ignore_path(ignore, absolute, false, true)),
                    stdout);
  free(absolute);
  return config && !ll_config_finder_failed(finder) ? LL_EXIT_CLEAN : LL_EXIT_TROUBLE;
}

// The text format's color: --color, else a terminal that does not ask for none (NO_COLOR, a
// dumb terminal); FORCE_COLOR asks for it where there is no terminal.
static bool use_color(const ll_options *options, const ll_output *out) {
  if (options->format != LL_FORMAT_TEXT || options->color == LL_COLOR_NEVER) return false;
  if (options->color == LL_COLOR_ALWAYS) return true;
  const char *no_color = getenv("NO_COLOR"), *force = getenv("FORCE_COLOR");
  if (no_color && *no_color) return false;
  if (force && *force && strcmp(force, "0") != 0) return true;
  const char *term = getenv("TERM");
  return out->stream == stdout && isatty(STDOUT_FILENO) && !(term && strcmp(term, "dumb") == 0);
}

// The files to analyse, each with its configuration; false when a configuration could not be
// read (the run then stops before analysing anything).
static int compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

// Which files were named on the command line (a walk's path equals the name when it is one).
static bool *named_files(const ll_options *options, const ll_file_list *files) {
  char **names = ll_xmalloc((options->n_paths + 1) * sizeof *names);
  memcpy(names, options->paths, options->n_paths * sizeof *names);
  qsort(names, options->n_paths, sizeof *names, compare_strings);
  bool *named = ll_xcalloc(files->n + 1, sizeof *named);
  for (size_t i = 0; i < files->n; i++)
    named[i] =
        bsearch(&files->paths[i], names, options->n_paths, sizeof *names, compare_strings) != NULL;
  free(names);
  return named;
}

static bool gather(const ll_options *options, ll_config_finder *finder, walk_filter *filter,
                   ll_file_list *files, const ll_config ***configs, bool *trouble) {
  if (options->read_stdin) {
    const char *name = options->stdin_filename ? options->stdin_filename : "<stdin>";
    char *absolute;
    const ll_config *config = ll_config_finder_for_file(finder, name, &absolute);
    bool ignored = config && options->stdin_filename &&
                   (ll_config_ignores(config, absolute, false) ||
                    (absolute[0] == '/' && ll_ignore_path(filter->ignore, absolute, false, true)));
    free(absolute);
    if (!config) return false;
    *configs = ll_xcalloc(2, sizeof **configs);
    if (!ignored) {
      files->paths = ll_xmalloc(sizeof *files->paths);
      files->paths[0] = ll_xstrdup(name);
      files->n = files->cap = 1;
      (*configs)[0] = config;
    }
    return true;
  }
  for (size_t i = 0; i < options->n_paths; i++)
    *trouble |= !ll_file_list_add(files, options->paths[i], wanted, filter);
  ll_file_list_sort(files);
  if (ll_config_finder_failed(finder)) return false;
  *configs = ll_xcalloc(files->n + 1, sizeof **configs);
  for (size_t i = 0; i < files->n; i++)
    (*configs)[i] = ll_config_finder_for_file(finder, files->paths[i], NULL);
  return true;
}

int ll_run(const ll_options *options) {
  double started = now_seconds();
  const char *missing = NULL;
  if (!ll_grammar_init(&missing)) {
    ll_diag_error(NULL, "internal error: the grammar has no '%s'", missing);
    return LL_EXIT_TROUBLE;
  }
  if (options->init) {
    if (!ll_config_write_starter(LL_CONFIG_NAME)) return LL_EXIT_TROUBLE;
    fprintf(stderr, "leaklint: wrote %s with every setting at its default\n", LL_CONFIG_NAME);
    return LL_EXIT_CLEAN;
  }
  ll_config_flags flags = {.rule_severities = options->rule_severities,
                           .n_rule_severities = options->n_rule_severities,
                           .report_unused_disable = options->report_unused_disable,
                           .min_confidence_set = options->min_confidence_set,
                           .min_confidence = options->min_confidence};
  ll_config_finder *finder = ll_config_finder_new(options->config_file, options->no_config, &flags);
  if (ll_config_finder_failed(finder)) {
    ll_config_finder_delete(finder);
    return LL_EXIT_TROUBLE;
  }
  char *cwd = ll_paths_cwd();
  ll_ignore *ignore = ll_ignore_new(cwd, !options->no_ignore_vcs, options->ignore_patterns,
                                    options->n_ignore_patterns);
  free(cwd);
  if (!ignore) {
    ll_config_finder_delete(finder);
    return LL_EXIT_TROUBLE;
  }
  if (options->print_config) {
    int status = print_config(options, finder, ignore);
    ll_ignore_delete(ignore);
    ll_config_finder_delete(finder);
    return status;
  }

  shared_run run = {.options = options};
  ll_file_list files = {0};
  const ll_config **configs = NULL;
  ll_baseline *baseline = NULL, *write_baseline = NULL;
  walk_filter filter = {.finder = finder, .ignore = ignore};
  bool ready = gather(options, finder, &filter, &files, &configs, &run.trouble);
  ll_ignore_delete(ignore);
  if (ready && options->baseline) ready = (baseline = ll_baseline_load(options->baseline, false));
  if (ready && options->write_baseline)
    ready = (write_baseline = ll_baseline_load(options->write_baseline, true));
  if (!ready) {
    // A configuration or baseline that cannot be read: nothing is analysed.
    ll_baseline_delete(baseline);
    ll_baseline_delete(write_baseline);
    free(configs);
    ll_file_list_fini(&files);
    ll_config_finder_delete(finder);
    return LL_EXIT_TROUBLE;
  }
  run.files = &files;
  run.configs = configs;
  bool *named = named_files(options, &files);
  run.named = named;
  run.baseline = baseline;
  run.write_baseline = write_baseline;
  run.analyzer_options = (ll_analyzer_options){.max_file_size = options->max_file_size,
                                               .parse_timeout = options->parse_timeout,
                                               .parse_only = options->parse_only};
  run.reports = ll_xcalloc(files.n + 1, sizeof *run.reports);
  if (!options->read_stdin && !options->parse_only && files.n > 1) run.project = ll_project_new();
  pthread_mutex_init(&run.lock, NULL);

  unsigned jobs = 1;
  ll_output out = {0};
  bool report_open = ll_output_open(&out, options->output_file, "the report");
  if (report_open) {
    ll_report_options report_options = {.color = use_color(options, &out), .notes = options->notes};
    run.reporter = ll_report_ops(options->format);
    run.reporter_state = run.reporter->begin(out.stream, &report_options);
    for (size_t i = 0; i < files.n_problems; i++)
      run.reporter->problem(run.reporter_state, files.problems[i].path, LL_ERROR,
                            files.problems[i].message);
    if (options->read_stdin && files.n) {
      run_stdin(&run);
    } else if (files.n) {
      jobs = job_count(options, files.n);
      pthread_t *threads = ll_xcalloc(jobs, sizeof *threads);
      unsigned started_threads = 0;
      // The calling thread is a worker too; the others are extra.
      for (unsigned t = 1; t < jobs; t++)
        if (pthread_create(&threads[t], NULL, worker, &run) == 0)
          started_threads++;
        else
          break;
      worker(&run);
      for (unsigned t = 1; t <= started_threads; t++)
        pthread_join(threads[t], NULL);
      free(threads);
      for (; run.project && run.next_report < files.n; run.next_report++) {
        settle(&run, run.next_report);
        emit(&run, run.next_report);
      }
    }
    // A pattern that hit its match limit was reported as it happened; the run did not do all
    // it was asked.
    if (ll_config_finder_pattern_failed(finder)) run.trouble = true;
    bool written = run.reporter->finish(run.reporter_state, !run.trouble);
    if (!ll_output_close(&out, options->output_file, written)) run.trouble = true;
  } else {
    run.trouble = true;
  }
  // Written even when some file could not be read: that file's entries stay as they were.
  if (write_baseline) {
    if (ll_baseline_write(write_baseline))
      fprintf(stderr, "leaklint: wrote %zu finding%s to %s\n", ll_baseline_count(write_baseline),
              ll_baseline_count(write_baseline) == 1 ? "" : "s", options->write_baseline);
    else
      run.trouble = true;
  }
  pthread_mutex_destroy(&run.lock);
  free(run.reports);
  ll_project_delete(run.project);
  free(run.shown);

  if (run.n_generated)
    fprintf(stderr,
            "leaklint: skipped %zu generated or minified file%s; --include-generated to analyse "
            "%s\n",
            run.n_generated, run.n_generated == 1 ? "" : "s", run.n_generated == 1 ? "it" : "them");
  size_t n_analysed = files.n - run.n_generated;
  if (!n_analysed && !run.trouble && !options->read_stdin)
    run.trouble = empty_run_is_trouble(options, filter.n_ignored, run.n_generated);
  // A report that cannot be written stops the run before any file is analysed: its error says
  // so, and a summary of nothing would not be true.
  if (report_open) print_summary(&run, n_analysed);
  if (options->stats) print_stats(&run.stats, now_seconds() - started, jobs);
  free(named);

  ll_baseline_delete(baseline);
  ll_baseline_delete(write_baseline);
  free(configs);
  ll_file_list_fini(&files);
  ll_config_finder_delete(finder);
  if (run.trouble) return LL_EXIT_TROUBLE;
  // ESLint's contract: errors fail, warnings are shown without failing unless they are more than
  // --max-warnings.
  if (run.n_errors) return LL_EXIT_FINDINGS;
  if (options->max_warnings >= 0 && (long)run.n_warnings > options->max_warnings)
    return LL_EXIT_FINDINGS;
  return LL_EXIT_CLEAN;
}
