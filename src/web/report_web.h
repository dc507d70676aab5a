/* Report downloads shared by the pages and the JSON API. */
#ifndef TS_REPORT_WEB_H
#define TS_REPORT_WEB_H

#include "web.h"

/* "/campaigns/ID/units/CODE/report" of the current request. */
void report_base_href(struct req *r, struct buf *b);
/* Serves :file ("tu-danh-gia.pdf", "phu-luc-3.xlsx", "muc-do.svg") for
 * :code in campaign :id; ?submitted=1 also counts submitted results. On
 * failure returns the status and the message, sending nothing. */
int report_send(struct req *r, const char **message);
/* The school's signed copy on its report page: status, SHA-256, and the
 * upload form when the actor is the school (page_signed.c). */
void report_signed_card(struct req *r, bool can_edit);
/* The software inventory: a school's table (a form for the school), an
 * office's sum per software (page_software.c). */
void report_software_card(struct req *r, bool school, bool can_edit);

#endif
