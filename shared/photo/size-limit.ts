// The largest photo file the portal accepts (product.md §6). The one definition: the worker's
// upload route counts the body against it while reading the stream, the `file_size` check and the
// photo editor's output keep to it, and every message that names the limit derives the number here.

/** The limit in megabytes, as the messages name it ("4 MB", "4 Mo"). */
export const MAX_PHOTO_MEGABYTES = 4;

/** 4 MB = 4 × 1024 × 1024 bytes. */
export const MAX_PHOTO_BYTES = MAX_PHOTO_MEGABYTES * 1024 * 1024;
