/* hubd-pdf.h: drawing a result's document as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hubd-store.h"

G_BEGIN_DECLS

GBytes *hubd_pdf_render (const HubdResult  *result,
                         GError           **error);

G_END_DECLS
