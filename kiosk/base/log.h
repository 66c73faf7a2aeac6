/* log: one-line messages to stderr (and so to the journal under systemd). */
#ifndef AULA_BASE_LOG_H
#define AULA_BASE_LOG_H

enum log_level { LOG_LEVEL_ERROR, LOG_LEVEL_WARN, LOG_LEVEL_INFO, LOG_LEVEL_DEBUG };

void log_set_level(enum log_level lvl);
void log_set_program(const char *name);
__attribute__((format(printf, 2, 3))) void log_msg(enum log_level lvl, const char *fmt, ...);

#define LOG_ERR(...)  log_msg(LOG_LEVEL_ERROR, __VA_ARGS__)
#define LOG_WARN(...) log_msg(LOG_LEVEL_WARN, __VA_ARGS__)
#define LOG_INFO(...) log_msg(LOG_LEVEL_INFO, __VA_ARGS__)
#define LOG_DBG(...)  log_msg(LOG_LEVEL_DEBUG, __VA_ARGS__)

#endif
