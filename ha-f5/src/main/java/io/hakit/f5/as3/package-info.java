/**
 * AS3 declarations: the same deployment as one declarative JSON document for F5's Application Services 3
 * extension ({@code hakit render --vendor as3}).
 */
package io.hakit.f5.as3;
