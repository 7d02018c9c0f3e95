/* What a disk holds after a power cut: only what was synced.
 *
 * Loaded with LD_PRELOAD into a VillageBook process (SQLite and Python call fsync and
 * fdatasync through libc).  At every sync it records, in $VB_SHADOW_DIR:
 *
 *   - a synced regular file: its whole content, keyed by device and inode
 *     ("ino-<dev>-<ino>.dat"), as the disk holds it from now on;
 *   - a synced directory: its names, their inodes and whether each is a folder
 *     ("dir-<dev>-<ino>.txt", the first line its path), so renames, new files and
 *     deletions count only once synced.
 *
 * benchmarks/power_loss.py then builds the folder a machine would find after the cut.
 * Each record is written to a temporary name and renamed, so a kill never leaves half a
 * record.  Test tooling only: it is never shipped.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int (*real_fsync)(int) = NULL;
static int (*real_fdatasync)(int) = NULL;

static void record_file(const char *dir, int fd, const struct stat *st) {
    char tmp[PATH_MAX], final[PATH_MAX];
    snprintf(final, sizeof final, "%s/ino-%lu-%lu.dat", dir, (unsigned long)st->st_dev,
             (unsigned long)st->st_ino);
    snprintf(tmp, sizeof tmp, "%s.%d.tmp", final, (int)getpid());
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    int in = open(link, O_RDONLY);  /* the synced descriptor may be open for writing only */
    if (in < 0) return;
    int out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0) {
        close(in);
        return;
    }
    char buffer[1 << 16];
    off_t offset = 0;
    for (;;) {
        ssize_t n = pread(in, buffer, sizeof buffer, offset);
        if (n <= 0) break;
        if (write(out, buffer, (size_t)n) != n) break;
        offset += n;
    }
    close(out);
    close(in);
    rename(tmp, final);
}

static void record_dir(const char *dir, int fd, const struct stat *st) {
    char tmp[PATH_MAX], final[PATH_MAX], link[64], path[PATH_MAX];
    snprintf(final, sizeof final, "%s/dir-%lu-%lu.txt", dir, (unsigned long)st->st_dev,
             (unsigned long)st->st_ino);
    snprintf(tmp, sizeof tmp, "%s.%d.tmp", final, (int)getpid());
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t length = readlink(link, path, sizeof path - 1);
    if (length < 0) return;
    path[length] = '\0';
    int copy = dup(fd);
    if (copy < 0) return;
    DIR *listing = fdopendir(copy);
    if (listing == NULL) {
        close(copy);
        return;
    }
    rewinddir(listing);
    FILE *out = fopen(tmp, "w");
    if (out == NULL) {
        closedir(listing);
        return;
    }
    fprintf(out, "%s\n", path);
    struct dirent *entry;
    while ((entry = readdir(listing)) != NULL) {
        if (strcmp(entry->d_name, ".") && strcmp(entry->d_name, ".."))
            fprintf(out, "%s\t%lu\t%c\n", entry->d_name, (unsigned long)entry->d_ino,
                    entry->d_type == DT_DIR ? 'd' : 'f');
    }
    fclose(out);
    closedir(listing);
    rename(tmp, final);
}

static void record(int fd) {
    const char *dir = getenv("VB_SHADOW_DIR");
    struct stat st;
    if (dir == NULL || fstat(fd, &st) != 0) return;
    if (S_ISREG(st.st_mode)) record_file(dir, fd, &st);
    else if (S_ISDIR(st.st_mode)) record_dir(dir, fd, &st);
}

int fsync(int fd) {
    if (real_fsync == NULL) real_fsync = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    int result = real_fsync(fd);
    if (result == 0) record(fd);
    return result;
}

int fdatasync(int fd) {
    if (real_fdatasync == NULL) real_fdatasync = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
    int result = real_fdatasync(fd);
    if (result == 0) record(fd);
    return result;
}
