/* CNcursesw: the wide-character ncurses API for Swift, and accessor functions for the C macros
   and mutable globals Swift cannot import (shared/reference/terminal-ui.md §1.2). No logic. */
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* SwiftPM drops pkg-config's -D flags, so ask for the X/Open wide API here. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <termios.h>
#include <sys/mman.h>
#include <ncursesw/curses.h>

static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline WINDOW *cnc_curscr(void) { return curscr; }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline attr_t cnc_a_normal(void) { return A_NORMAL; }
static inline attr_t cnc_a_bold(void) { return A_BOLD; }
static inline attr_t cnc_a_reverse(void) { return A_REVERSE; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cnc_a_dim(void) { return A_DIM; }
static inline int cnc_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int cnc_pair_number(int attrs) { return (int)PAIR_NUMBER(attrs); }
static inline int cnc_wcwidth(wchar_t c) { return wcwidth(c); }
static inline const char *cnc_codeset(void) { return nl_langinfo(CODESET); }
/* An anonymous in-memory file: stderr goes here while curses owns the screen. */
static inline int cnc_memfd(const char *name) { return memfd_create(name, MFD_CLOEXEC); }
#endif
