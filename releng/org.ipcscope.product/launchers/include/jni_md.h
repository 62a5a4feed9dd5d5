/* The JNI types of 64-bit Windows (LLP64: long has 32 bits), for the JDK's jni.h when the launchers
 * are cross-compiled on Linux, whose JDK ships only the Linux jni_md.h (jni.h defines JNICALL: on x64 there
 * is one calling convention). */
#ifndef IPCSCOPE_JNI_MD_H
#define IPCSCOPE_JNI_MD_H
#define JNIEXPORT __declspec(dllexport)
#define JNIIMPORT __declspec(dllimport)
typedef long jint;
typedef __int64 jlong;
typedef signed char jbyte;
#endif
