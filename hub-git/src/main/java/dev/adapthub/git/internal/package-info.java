/** Internal helpers of hub-git. Not API: may change without notice; do not use from other modules. */
package dev.adapthub.git.internal;
