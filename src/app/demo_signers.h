/* The demo's offices sign their documents in a person's name (issue 18):
 * without it the Sở's, the Phòng's and the wards' documents printed
 * "…………" under every signature. */
#ifndef TS_DEMO_SIGNERS_H
#define TS_DEMO_SIGNERS_H

#include "app.h"

/* For every campaign, each office of the demo under its owner types its
 * signer's name (nguoi_ky, and the guidance letter's cv_nguoi_ky where
 * the office writes one) under its kind's default title: the Sở's
 * director (GIÁM ĐỐC), a Phòng's head (TRƯỞNG PHÒNG), a ward's chairman
 * (TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH). Real units type their own; untyped,
 * the name stays a dotted line. */
enum ts_err demo_signers(struct app *app, struct diags *d) TS_MUSTCHECK;

#endif
