global using Backprop.Data;
global using MathNet.Numerics.LinearAlgebra;
