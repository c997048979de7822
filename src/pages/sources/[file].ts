import type { APIRoute } from 'astro';
import { readSourceFiles } from '../../reading/source-files.ts';

// Each official file as the bureau issued it, byte for byte, beside the report made from it.
export async function getStaticPaths() {
  const files = await readSourceFiles();
  return [...files.keys()].map((file) => ({ params: { file } }));
}

export const GET: APIRoute = async ({ params }) => {
  const file = (await readSourceFiles()).get(params.file!)!;
  return new Response(file.bytes);
};
