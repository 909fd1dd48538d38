/**
 * The language model behind the assistant: an OpenAI-compatible Chat Completions client (OpenAI,
 * Azure OpenAI, vLLM, Ollama by configuration), its wire types and its fault tolerance, and the
 * OpenAI connection settings transcription shares ({@code OpenAiConnection}). It knows no tenant:
 * callers pass everything a request needs and nothing here stores or reads tenant data.
 */
package jp.uketsuke.llm;
