/* Request intake for the server (server.c): the per-request state while
 * a request arrives, files (multipart/form-data) admitted only to upload
 * routes once the sender and its CSRF token are known, and the answers
 * given before a body is read. */
#ifndef TS_INTAKE_H
#define TS_INTAKE_H

#include <microhttpd.h>
#include <stdbool.h>
#include <time.h>

#include "../app/session.h"
#include "../util/buf.h"
#include "pool.h"

struct conn {
	char *raw_path;	 /* the path as sent, still percent-encoded */
	bool started;	 /* headers seen: body and post processor set up */
	struct buf body; /* urlencoded fields (multipart ones re-encoded) */
	bool too_big;
	struct timespec t0;
	struct MHD_PostProcessor *pp; /* multipart/form-data only */
	int fd; /* the uploaded file, streamed to a temp file */
	char path[512];
	char name[512];
	char file_field[64]; /* the name of its input ("file:1.3") */
	size_t size;
	bool file_too_big;
	int files;
	char field[64]; /* field being received */
	/* Uploads: nothing is written before the CSRF token is proven. */
	bool upload_slot; /* holds one of UPLOADS_MAX */
	bool verified;	  /* CSRF token proven (header, origin, field) */
	bool csrf_late;	  /* a file came first: not written, refused */
	char csrf[SESSION_HASH_SIZE];	    /* the session's token */
	char csrf_given[SESSION_HASH_SIZE]; /* the _csrf field so far */
};

/* A short page (or JSON error under /api/) with the status, queued
 * before the body is read (MHD then closes the connection); 503 adds
 * Retry-After. */
enum MHD_Result intake_refuse(struct MHD_Connection *c, const char *path,
			      unsigned status, const char *message);
bool intake_is_multipart(struct MHD_Connection *c);
/* Admits a file upload (route, session, CSRF proof or token to come
 * first, size, at most UPLOADS_MAX at once) and sets up the multipart
 * parser, or refuses it at once. Nothing is written before. */
enum MHD_Result intake_upload_start(struct conn *k, struct MHD_Connection *c,
				    const char *method, struct pool *pool);
/* Gives back the upload's place (on_done). */
void intake_upload_done(struct conn *k);

#endif
