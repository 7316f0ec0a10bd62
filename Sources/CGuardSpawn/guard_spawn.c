#define _GNU_SOURCE
#include "guard_spawn.h"
#include "guard_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#if defined(__linux__)
#include <sys/prctl.h>
#include <sys/syscall.h>
#endif

int guard_pipe(int fds[2]) {
#if defined(__linux__)
    return pipe2(fds, O_CLOEXEC);
#else
    if (pipe(fds) != 0) return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return 0;
#endif
}

/// Looks `file` up on the PATH found in `envp` (not the parent's PATH), as a host would.
const char *guard_search_path(const char *file, char *const envp[], char *buffer, size_t size) {
    if (strchr(file, '/') != NULL) return file;
    const char *path = "/usr/local/bin:/usr/bin:/bin";
    for (char *const *entry = envp; entry && *entry; entry++) {
        if (strncmp(*entry, "PATH=", 5) == 0) { path = *entry + 5; break; }
    }
    const char *start = path;
    while (*start) {
        const char *end = strchr(start, ':');
        size_t length = end ? (size_t)(end - start) : strlen(start);
        if (length > 0 && length + strlen(file) + 2 < size) {
            memcpy(buffer, start, length);
            buffer[length] = '/';
            strcpy(buffer + length + 1, file);
            if (access(buffer, X_OK) == 0) return buffer;
        }
        if (!end) break;
        start = end + 1;
    }
    return NULL;
}

pid_t guard_spawn(const char *file, char *const argv[], char *const envp[], int stdin_fd, int stdout_fd,
                  int stderr_fd, const char *cwd, int death_signal, int *error_out) {
    char resolved[4096];
    const char *path = guard_search_path(file, envp, resolved, sizeof resolved);
    if (path == NULL) { *error_out = ENOENT; return -1; }

    int status_pipe[2];
    if (guard_pipe(status_pipe) != 0) { *error_out = errno; return -1; }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        *error_out = errno;
        close(status_pipe[0]);
        close(status_pipe[1]);
        return -1;
    }
    if (pid == 0) {
        // Child: only async-signal-safe calls from here to exec.
        int err = 0;
        setpgid(0, 0);
#if defined(__linux__)
        if (death_signal > 0) {
            prctl(PR_SET_PDEATHSIG, death_signal);
            if (getppid() != parent) _exit(127);  // the parent died before prctl took effect
        }
#endif
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        signal(SIGPIPE, SIG_DFL);
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        if (dup2(stdin_fd, 0) < 0 || dup2(stdout_fd, 1) < 0 || dup2(stderr_fd, 2) < 0) err = errno;
        if (err == 0 && cwd != NULL && chdir(cwd) != 0) err = errno;
        if (err == 0) {
            // Every other inherited descriptor closes at exec (the status pipe stays usable until then).
#if defined(__linux__) && defined(SYS_close_range)
            if (syscall(SYS_close_range, 3, ~0U, 4 /* CLOSE_RANGE_CLOEXEC */) != 0)
#endif
            {
                long max = sysconf(_SC_OPEN_MAX);
                for (int fd = 3; fd < (max > 0 && max < 65536 ? max : 65536); fd++) {
                    if (fd != status_pipe[1]) close(fd);
                }
            }
            execve(path, argv, envp);
            err = errno;
        }
        ssize_t ignored = write(status_pipe[1], &err, sizeof err);
        (void)ignored;
        _exit(127);
    }
    setpgid(pid, pid);  // also from the parent, so a kill of the group right after spawn cannot miss
    close(status_pipe[1]);
    int child_error = guard_await_exec(pid, status_pipe[0]);
    if (child_error != 0) { *error_out = child_error; return -1; }
    return pid;
}

int guard_await_exec(pid_t pid, int status_fd) {
    int child_error = 0;
    ssize_t n;
    do {
        n = read(status_fd, &child_error, sizeof child_error);
    } while (n < 0 && errno == EINTR);
    close(status_fd);
    if (n != (ssize_t)sizeof child_error) return 0;  // EOF: the exec succeeded and closed the pipe
    int ignored_status;
    while (waitpid(pid, &ignored_status, 0) < 0 && errno == EINTR) {}
    return child_error != 0 ? child_error : EIO;
}

