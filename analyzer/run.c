// The run: the run-level lifetimes (options, engine, analyzer, reporter, output file) and the
// exit code. A bad file is reported on stderr and the run goes on; the report goes to a
// temporary file that replaces --output-file only once it is complete.
#include "analyzer/run.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "analyzer/analyze.h"
#include "analyzer/files.h"

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static ll_engine *default_engine(void) {
  const char *bad_type = NULL;
  ll_engine *engine = ll_engine_new_default(&bad_type);
  if (!engine) ll_diag_error(NULL, "internal error: a rule wants unknown node type '%s'", bad_type);
  return engine;
}

typedef struct output {
  FILE *stream;
  char *temp_path; // NULL when writing to stdout or directly
  bool direct;     // writing straight into a special file (FIFO, device)
} output;

static bool open_output(output *out, const char *path) {
  if (!path) {
    out->stream = stdout;
    return true;
  }
  struct stat st;
  bool exists = stat(path, &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    // A FIFO, a terminal, /dev/null: write into it; replacing it would destroy it.
    out->stream = fopen(path, "w");
    if (!out->stream) ll_diag_error(path, "cannot write the report: %s", strerror(errno));
    out->direct = out->stream != NULL;
    return out->stream != NULL;
  }
  size_t len = strlen(path);
  out->temp_path = ll_xmalloc(len + 16);
  snprintf(out->temp_path, len + 16, "%s.tmp-XXXXXX", path);
  int fd = mkstemp(out->temp_path);
  if (fd >= 0) {
    // mkstemp makes the file 0600: give the report the mode of the file it replaces, or the
    // usual one for a new file.
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, exists ? (st.st_mode & 07777) : (0666 & ~mask));
  }
  if (fd < 0 || !(out->stream = fdopen(fd, "w"))) {
    ll_diag_error(path, "cannot write the report: %s", strerror(errno));
    if (fd >= 0) close(fd), unlink(out->temp_path);
    free(out->temp_path);
    out->temp_path = NULL;
    return false;
  }
  return true;
}

static bool close_output(output *out, const char *path, bool write_ok) {
  if (out->direct) {
    bool ok = fclose(out->stream) == 0 && write_ok;
    if (!ok) ll_diag_error(path, "cannot write the report");
    return ok;
  }
  if (!out->temp_path) return write_ok;
  bool ok = fclose(out->stream) == 0 && write_ok;
  if (ok && rename(out->temp_path, path) != 0) {
    ll_diag_error(path, "cannot write the report: %s", strerror(errno));
    ok = false;
  } else if (!ok) {
    ll_diag_error(path, "cannot write the report");
  }
  if (!ok) unlink(out->temp_path);
  free(out->temp_path);
  return ok;
}

static void print_stats(const ll_stats *s, double total) {
  fprintf(stderr,
          "leaklint: stats: files=%llu lines=%llu bytes=%llu read=%.3fs parse=%.3fs "
          "scopes=%.3fs rules=%.3fs report=%.3fs total=%.3fs\n",
          (unsigned long long)s->files, (unsigned long long)s->lines, (unsigned long long)s->bytes,
          s->read_seconds, s->parse_seconds, s->bind_seconds, s->rules_seconds, s->report_seconds,
          total);
  if (s->nodes) fprintf(stderr, "leaklint: stats: nodes=%llu\n", (unsigned long long)s->nodes);
}

// A file's results, copied out of the worker's arena so that the worker can go on with the next
// file while an earlier one is still being analysed elsewhere.
typedef struct file_report {
  bool ready;
  ll_status status;
  char *error;
  bool has_syntax_error;
  ll_finding *findings; // messages malloc'd
  size_t n_findings;
} file_report;

typedef struct shared_run {
  const ll_file_list *files;
  const ll_engine *engine;
  ll_analyzer_options analyzer_options;
  pthread_mutex_t lock; // guards everything below
  size_t next_file;     // the next file a worker takes
  size_t next_report;   // the next file to report: output follows the sorted file list
  file_report *reports;
  const ll_reporter_ops *reporter;
  void *reporter_state;
  ll_stats stats; // sums of the workers' figures
  size_t n_findings, n_errors, n_files_with;
  bool trouble;
} shared_run;

static void copy_out(file_report *report, const ll_file_result *result) {
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
    }
  }
}

// Reports file `i` (with the lock held) and releases its copy.
static void emit(shared_run *run, size_t i) {
  double t0 = now_seconds();
  file_report *r = &run->reports[i];
  const char *path = run->files->paths[i];
  if (r->status != LL_OK) {
    ll_diag_error(path, "%s", r->error);
    run->reporter->problem(run->reporter_state, path, LL_ERROR, r->error);
    run->trouble = true;
  } else {
    if (r->has_syntax_error)
      run->reporter->problem(run->reporter_state, path, LL_WARNING,
                             "the file has syntax errors; code inside them was not analysed");
    if (r->n_findings) {
      run->reporter->file(run->reporter_state, path, r->findings, r->n_findings);
      run->n_files_with++;
    }
    run->n_findings += r->n_findings;
    for (size_t k = 0; k < r->n_findings; k++)
      run->n_errors += r->findings[k].severity == LL_ERROR;
  }
  for (size_t k = 0; k < r->n_findings; k++)
    free((char *)r->findings[k].message);
  free(r->findings);
  free(r->error);
  r->findings = NULL;
  r->error = NULL;
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

// One worker: a parser and an arena of its own, files taken one at a time from the shared list.
// Only one syntax tree per worker is alive at a time.
static void *worker(void *opaque) {
  shared_run *run = opaque;
  ll_analyzer *analyzer = ll_analyzer_new(run->engine, &run->analyzer_options);
  for (;;) {
    pthread_mutex_lock(&run->lock);
    size_t i = run->next_file++;
    pthread_mutex_unlock(&run->lock);
    if (i >= run->files->n) break;
    ll_file_result result;
    ll_analyzer_file(analyzer, run->files->paths[i], &result);
    file_report report;
    copy_out(&report, &result);
    pthread_mutex_lock(&run->lock);
    run->reports[i] = report;
    run->reports[i].ready = true;
    while (run->next_report < run->files->n && run->reports[run->next_report].ready)
      emit(run, run->next_report++);
    pthread_mutex_unlock(&run->lock);
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

int ll_run(const ll_options *options) {
  double started = now_seconds();
  const char *missing = NULL;
  if (!ll_grammar_init(&missing)) {
    ll_diag_error(NULL, "internal error: the grammar has no '%s'", missing);
    return LL_EXIT_TROUBLE;
  }
  shared_run run = {0};
  ll_file_list files = {0};
  for (size_t i = 0; i < options->n_paths; i++)
    run.trouble |= !ll_file_list_add(&files, options->paths[i]);
  ll_file_list_sort(&files);

  ll_engine *engine = default_engine();
  if (!engine) {
    ll_file_list_fini(&files);
    return LL_EXIT_TROUBLE;
  }
  run.files = &files;
  run.engine = engine;
  run.analyzer_options = (ll_analyzer_options){.max_file_size = options->max_file_size,
                                               .parse_timeout = options->parse_timeout,
                                               .parse_only = options->parse_only};
  run.reports = ll_xcalloc(files.n + 1, sizeof *run.reports);
  pthread_mutex_init(&run.lock, NULL);

  output out = {0};
  if (open_output(&out, options->output_file)) {
    run.reporter = ll_report_ops(options->format);
    run.reporter_state = run.reporter->begin(out.stream);
    for (size_t i = 0; i < files.n_problems; i++)
      run.reporter->problem(run.reporter_state, files.problems[i].path, LL_ERROR,
                            files.problems[i].message);
    unsigned jobs = job_count(options, files.n);
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
    bool written = run.reporter->finish(run.reporter_state, !run.trouble);
    if (!close_output(&out, options->output_file, written)) run.trouble = true;
  } else {
    run.trouble = true;
  }
  pthread_mutex_destroy(&run.lock);
  free(run.reports);

  size_t n_findings = run.n_findings, n_errors = run.n_errors;
  fprintf(stderr, "leaklint: %zu finding%s (%zu error%s, %zu warning%s) in %zu of %zu file%s\n",
          n_findings, n_findings == 1 ? "" : "s", n_errors, n_errors == 1 ? "" : "s",
          n_findings - n_errors, n_findings - n_errors == 1 ? "" : "s", run.n_files_with, files.n,
          files.n == 1 ? "" : "s");
  if (options->stats) print_stats(&run.stats, now_seconds() - started);

  ll_engine_delete(engine);
  ll_file_list_fini(&files);
  if (run.trouble) return LL_EXIT_TROUBLE;
  return n_findings ? LL_EXIT_FINDINGS : LL_EXIT_CLEAN;
}
