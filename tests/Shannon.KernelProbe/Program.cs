using Shannon.KernelProbe;

KernelProbe.Write(Console.Out);
